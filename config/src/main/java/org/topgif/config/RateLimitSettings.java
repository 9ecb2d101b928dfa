package org.topgif.config;

import java.time.Duration;

/**
 * Per-guild token buckets, the global cap on recordings, and how long recordings under way may take to
 * finish when the bot stops. Immutable.
 */
public record RateLimitSettings(int burst, Duration refill, Duration idleEviction, int maxConcurrentRecordings,
                                int queueSize, Duration shutdownGrace) {
}
