package org.topgif.config;

import java.time.Duration;

/**
 * Per-guild token buckets, the global caps on live recordings and on answers drawn from the history, and how
 * long work under way may take to finish when the bot stops. Immutable.
 *
 * @param maxConcurrentRecordings live recordings (the next seconds, waited for) running at once
 * @param queueSize               live recordings waiting for one of those
 * @param maxConcurrentAnswers    answers from the history being drawn and uploaded at once
 * @param answerQueueSize         answers waiting for one of those
 */
public record RateLimitSettings(int burst, Duration refill, Duration idleEviction, int maxConcurrentRecordings,
                                int queueSize, int maxConcurrentAnswers, int answerQueueSize,
                                Duration shutdownGrace) {
}
