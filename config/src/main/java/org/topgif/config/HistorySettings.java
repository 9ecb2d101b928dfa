package org.topgif.config;

import java.time.Duration;

/**
 * How much of the host's recent past the bot keeps, sampled at the recording interval, to answer /top at
 * once. Immutable.
 *
 * @param seconds how far back it reaches; 0 keeps none, and every /top records forward
 */
public record HistorySettings(int seconds) {

    /** Whether the bot keeps a history at all. */
    public boolean enabled() {
        return seconds > 0;
    }

    /** How many samples it holds at {@code interval}: at least one. */
    public int samples(Duration interval) {
        return (int) Math.max(1, seconds * 1000L / interval.toMillis());
    }
}
