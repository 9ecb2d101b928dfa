package org.topgif.config;

import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.screen.ScreenOptions;

/**
 * All of topgif's settings, typed and validated; built once at start-up by {@link SettingsLoader}. Immutable.
 *
 * @param recording     the default recording: length, interval, size, theme, loops and screen layout
 * @param redactSecrets whether command-line arguments that look like secrets are hidden
 */
public record TopgifSettings(RecordingPlan recording, boolean redactSecrets) {

    /** The default layout of the process table. */
    public ScreenOptions screen() {
        return recording.screen();
    }
}
