package org.topgif.bot.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.topgif.bot.post.ChatText;
import org.topgif.config.AlertRule;
import org.topgif.config.AlertSpec;
import org.topgif.renderer.sample.ProcessRow;

/**
 * The words of an alert's message: firing, and resolved, as the message's content (escaped, with Discord
 * timestamps, the role's mention first if there is one) and as the GIF's alt text (plain). Process names are
 * the redacted, printable names the GIF shows.
 */
final class AlertText {

    /** How a resolved alert's content begins; after a restart it tells a resolved message from a firing one. */
    static final String RESOLVED = "**Resolved**";

    private AlertText() {
    }

    /** "<@&ROLE> **ALERT** db cpu · db-1 · host-cpu 95% > 90% since <t:…:R>". */
    static String firing(AlertSpec spec, String host, AlertRule.Breach breach, Instant since) {
        String role = spec.mentionRole().isPresent()
                ? "<@&" + Long.toUnsignedString(spec.mentionRole().getAsLong()) + "> " : "";
        return role + "**ALERT** " + line(spec, host, breach, ChatText::escape) + " since <t:" + since.getEpochSecond()
                + ":R>";
    }

    /** The same, plain, for the GIF's alt text. */
    static String altText(AlertSpec spec, String host, AlertRule.Breach breach) {
        return "ALERT " + line(spec, host, breach, text -> text);
    }

    /** "**Resolved** db cpu · db-1 · host-cpu > 90% held from <t:…:t> to <t:…:t> (3m 20s)". */
    static String resolved(AlertSpec spec, String host, Instant since, Instant until) {
        return RESOLVED + " " + ChatText.escape(spec.name()) + " · " + ChatText.escape(host) + " · "
                + ChatText.escape(spec.rule().describe()) + " held from <t:" + since.getEpochSecond() + ":t> to <t:"
                + until.getEpochSecond() + ":t> (" + lasted(Duration.between(since, until)) + ")";
    }

    private static String line(AlertSpec spec, String host, AlertRule.Breach breach, UnaryOperator<String> text) {
        AlertRule rule = spec.rule();
        StringBuilder line = new StringBuilder(text.apply(spec.name())).append(" · ").append(text.apply(host))
                .append(" · ").append(rule.metric().text()).append(' ').append(rule.format(breach.value()))
                .append(" > ").append(rule.format(rule.threshold()));
        if (breach.process().isPresent()) {
            ProcessRow process = breach.process().get();
            line.append(" · ").append(text.apply(process.name())).append(" (pid ").append(process.pid()).append(')');
        }
        return line.toString();
    }

    /** "45s", "3m 20s", "2h 5m". */
    static String lasted(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %dm", seconds / 3600, seconds / 60 % 60);
    }
}
