package org.topgif.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One alert: a rule watched on a host's samples, posted to a channel once it has held for {@code forDuration}.
 * Immutable; the constructor rejects what cannot be watched.
 *
 * @param name        how messages and log lines name it, printable
 * @param channel     the text channel's id
 * @param host        a fleet host; empty for the bot's own (or fleet.default-host)
 * @param forDuration how long the rule must hold before the alert fires, and not hold before it resolves
 * @param cooldown    an episode starting this soon after the last one resolved reopens its message
 * @param mentionRole a role the message pings; the only mention it can make
 */
public record AlertSpec(String name, long channel, Optional<HostName> host, AlertRule rule, Duration forDuration,
                        Duration cooldown, OptionalLong mentionRole) {

    /** The longest name. */
    public static final int NAME_MAX = 80;
    /** How much of the time before the alert's rule began to hold its GIF shows. */
    public static final Duration BEFORE = Duration.ofSeconds(10);

    public AlertSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(forDuration, "forDuration");
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(mentionRole, "mentionRole");
        if (channel <= 0) {
            throw new IllegalArgumentException("channel must be a channel id: " + channel);
        }
    }

    /** How far back the alert's GIF reaches: {@code for}, and {@link #BEFORE} that. */
    public Duration shown() {
        return forDuration.plus(BEFORE);
    }
}
