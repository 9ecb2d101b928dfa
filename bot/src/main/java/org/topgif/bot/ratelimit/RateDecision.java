package org.topgif.bot.ratelimit;

import java.time.Duration;

/**
 * The answer to one request: allowed, or refused until {@code retryAfter} has passed. Immutable.
 */
public record RateDecision(boolean allowed, Duration retryAfter) {

    static final RateDecision ALLOWED = new RateDecision(true, Duration.ZERO);

    /** Whole seconds to wait, rounded up, as users are told: "again in 14 s". */
    public long retryAfterSeconds() {
        return (retryAfter.toMillis() + 999) / 1000;
    }
}
