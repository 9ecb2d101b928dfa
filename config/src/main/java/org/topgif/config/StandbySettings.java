package org.topgif.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether this bot shares its token with a standby, and the lease that decides which one is active. Immutable.
 *
 * @param enabled  whether the bot waits for the lease in the fleet's broker before it connects to Discord
 * @param leaseTtl how long the lease outlives its holder's last renewal: the longest a takeover waits
 */
public record StandbySettings(boolean enabled, Duration leaseTtl) {

    public static final Duration SHORTEST_TTL = Duration.ofSeconds(2);
    public static final Duration LONGEST_TTL = Duration.ofMinutes(5);

    public StandbySettings {
        Objects.requireNonNull(leaseTtl, "leaseTtl");
    }
}
