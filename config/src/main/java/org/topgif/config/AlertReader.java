package org.topgif.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.topgif.renderer.sample.PrintableText;

/** Reads {@code topgif.alerts} and {@code topgif.alert} (the environment's one). */
final class AlertReader {

    private static final Set<String> ENTRY_KEYS = Set.of("name", "channel", "host", "rule", "for", "cooldown",
            "mention-role");
    private static final String CHANNEL = "a text channel id such as \"223456789012345678\"";
    private static final String ROLE = "a role id such as \"323456789012345678\" (Server Settings, Roles, Copy Role ID)";
    private static final Duration FOR_DEFAULT = Duration.ofMinutes(1);
    private static final Duration COOLDOWN_DEFAULT = Duration.ofMinutes(10);

    private AlertReader() {
    }

    /** @param historySeconds how far back the history reaches: an alert's GIF must fit in it */
    static List<AlertSpec> read(SettingsReader settings, int historySeconds) {
        List<AlertSpec> alerts = new ArrayList<>();
        for (SettingsReader entry : settings.objects("topgif.alerts")) {
            entry.onlyKeys(ENTRY_KEYS);
            alerts.add(entry(entry, "", historySeconds));
        }
        if (!settings.string("topgif.alert.channel", 30).isBlank()) {
            alerts.add(entry(settings, "topgif.alert.", historySeconds));
        }
        return List.copyOf(alerts);
    }

    /** @param prefix before each key: "" within an entry of the list, "topgif.alert." for the environment's */
    private static AlertSpec entry(SettingsReader entry, String prefix, int historySeconds) {
        if (!entry.has(prefix + "channel")) {
            throw entry.missing(prefix + "channel", CHANNEL);
        }
        long channel = entry.wholeNumber(prefix + "channel", CHANNEL);
        if (channel <= 0) {
            throw entry.bad(prefix + "channel", CHANNEL);
        }
        String ruleText = entry.has(prefix + "rule") ? entry.string(prefix + "rule", 100) : "";
        if (ruleText.isBlank()) {
            throw entry.missing(prefix + "rule", AlertRule.RULES);
        }
        AlertRule rule = AlertRule.parse(ruleText).orElseThrow(() -> entry.bad(prefix + "rule", AlertRule.RULES));
        String name = entry.has(prefix + "name") ? entry.string(prefix + "name", AlertSpec.NAME_MAX).trim() : "";
        if (name.isEmpty()) {
            name = rule.describe();
        } else if (!PrintableText.of(name).equals(name)) {
            throw entry.bad(prefix + "name", "1 to " + AlertSpec.NAME_MAX + " printable characters");
        }
        Optional<HostName> host = Optional.empty();
        String hostText = entry.has(prefix + "host") ? entry.string(prefix + "host", HostName.MAX_LENGTH + 10).trim()
                : "";
        if (!hostText.isEmpty()) {
            if (HostName.problem(hostText).isPresent()) {
                throw entry.bad(prefix + "host", HostName.RULE + ", or \"\" for the bot's own host");
            }
            host = Optional.of(new HostName(hostText));
        }
        Duration forDuration = entry.has(prefix + "for") ? entry.durationIn(prefix + "for", Duration.ofSeconds(10),
                Duration.ofMinutes(10)) : FOR_DEFAULT;
        long needed = forDuration.plus(AlertSpec.BEFORE).toSeconds();
        if (needed > historySeconds) {
            throw entry.bad(prefix + "for", "at most topgif.history.seconds (" + historySeconds + ") less "
                    + AlertSpec.BEFORE.toSeconds() + " s, so that the alert's GIF shows the time before: raise "
                    + "topgif.history.seconds to " + needed);
        }
        Duration cooldown = entry.has(prefix + "cooldown") ? entry.durationIn(prefix + "cooldown", Duration.ZERO,
                Duration.ofDays(1)) : COOLDOWN_DEFAULT;
        OptionalLong role = OptionalLong.empty();
        if (entry.has(prefix + "mention-role") && !entry.string(prefix + "mention-role", 30).isBlank()) {
            long id = entry.wholeNumber(prefix + "mention-role", ROLE);
            if (id <= 0) {
                throw entry.bad(prefix + "mention-role", ROLE);
            }
            role = OptionalLong.of(id);
        }
        return new AlertSpec(name, channel, host, rule, forDuration, cooldown, role);
    }
}
