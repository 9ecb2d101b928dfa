/**
 * The webhook receiver for Alertmanager and Grafana: untrusted requests checked and bounded, each alert shown as
 * one message with the GIF of its host's last minute.
 */
package org.topgif.bot.alertmanager;
