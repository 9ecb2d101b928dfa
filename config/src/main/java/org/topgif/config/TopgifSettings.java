package org.topgif.config;

import org.topgif.renderer.screen.ScreenOptions;

/**
 * All of topgif's settings, typed and validated; built once at start-up by {@link SettingsLoader}. Immutable.
 *
 * @param screen        the default layout of the process table
 * @param redactSecrets whether command-line arguments that look like secrets are hidden
 */
public record TopgifSettings(ScreenOptions screen, boolean redactSecrets) {
}
