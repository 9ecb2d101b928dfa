package org.topgif.config;

import java.time.Duration;

/** Per-guild token buckets and the global cap on recordings. Immutable. */
public record RateLimitSettings(int burst, Duration refill, Duration idleEviction, int maxConcurrentRecordings,
                                int queueSize) {
}
