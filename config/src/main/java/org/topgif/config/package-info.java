/**
 * topgif's settings: reference.conf defaults overridden by application.conf, environment variables and system
 * properties, read once into typed, validated values.
 */
package org.topgif.config;
