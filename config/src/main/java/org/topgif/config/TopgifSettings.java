package org.topgif.config;

import java.util.List;

import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.sample.CommandLineRedactor;
import org.topgif.renderer.screen.ScreenOptions;

/**
 * All of topgif's settings, typed and validated; built once at start-up by {@link SettingsLoader}. Immutable.
 *
 * @param recording     the default recording: length, interval, size, theme, loops and screen layout
 * @param redactSecrets whether command-line arguments that look like secrets are hidden
 * @param discord       how the bot reaches Discord
 * @param command       what /top accepts
 * @param rateLimit     how often each guild may ask, and how many recordings run at once
 * @param schedules     the scheduled posts
 * @param host          the watched host's name and where its users' names come from
 * @param history       how much of the recent past the bot keeps to answer /top at once
 * @param fleet         the fleet's broker, if any, and how to sign in to it
 * @param standby       whether this bot shares its token with a standby, through a lease in the broker
 * @param alerts        the rules watched on the hosts' samples, each posted to a channel when it holds
 * @param alertmanager  the webhook receiver for Alertmanager's and Grafana's alerts
 * @param warnings      what an operator should hear about once, such as an unknown key; one line each
 */
public record TopgifSettings(RecordingPlan recording, boolean redactSecrets, DiscordSettings discord,
                             CommandLimits command, RateLimitSettings rateLimit, ScheduleSettings schedules,
                             HostSettings host, HistorySettings history, FleetSettings fleet,
                             StandbySettings standby, List<AlertSpec> alerts,
                             AlertmanagerSettings alertmanager, List<String> warnings) {

    public TopgifSettings {
        alerts = List.copyOf(alerts);
        warnings = List.copyOf(warnings);
    }

    /** How command lines are shown: redacted unless the operator turned it off. */
    public CommandLineRedactor redactor() {
        return redactSecrets ? CommandLineRedactor.ENABLED : CommandLineRedactor.DISABLED;
    }

    /** The default layout of the process table. */
    public ScreenOptions screen() {
        return recording.screen();
    }
}
