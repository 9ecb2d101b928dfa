/**
 * Alerts: rules watched on the samples the history takes, each episode one message with the GIF of the time
 * before the trouble, edited when it resolves.
 */
package org.topgif.bot.alerts;
