package org.topgif.bot.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A token bucket per guild: {@code burst} requests in a row, then one more every {@code refill}. Buckets
 * refill lazily when asked, from a clock passed in, so there is no refill thread and tests move time
 * instead of sleeping.
 *
 * <p>Thread-safe: JDA calls it from many threads at once. Each guild's bucket is an immutable value replaced
 * atomically in a concurrent map, so guilds never wait on each other. A bucket that has been full and
 * untouched for {@code idleEviction} is dropped, which loses nothing (a new bucket starts full) and keeps
 * memory bounded by the guilds active lately.
 */
public final class GuildRateLimiter {

    /** Sweep for idle buckets once per this many requests. */
    private static final int SWEEP_EVERY = 1024;

    private final long capacity;
    private final long refillNanos;
    private final long idleNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<Long, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    /** @param nanoClock a monotonic clock in nanoseconds, such as {@code System::nanoTime} */
    public GuildRateLimiter(int burst, Duration refill, Duration idleEviction, LongSupplier nanoClock) {
        if (burst < 1 || refill.isNegative() || refill.isZero()) {
            throw new IllegalArgumentException("burst must be positive and refill longer than zero");
        }
        this.refillNanos = refill.toNanos();
        this.capacity = Math.multiplyExact(burst, refillNanos);
        this.idleNanos = idleEviction.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Takes a request from the guild's bucket if it has one; says how long to wait if not. */
    public RateDecision tryAcquire(long guildId) {
        long now = nanoClock.getAsLong();
        RateDecision[] decision = new RateDecision[1];
        buckets.compute(guildId, (id, bucket) -> {
            Bucket current = bucket == null ? new Bucket(capacity, now) : bucket.refilled(now, capacity);
            if (current.tokens() >= refillNanos) {
                decision[0] = RateDecision.ALLOWED;
                return new Bucket(current.tokens() - refillNanos, now);
            }
            decision[0] = new RateDecision(false, Duration.ofNanos(refillNanos - current.tokens()));
            return current;
        });
        if (requests.incrementAndGet() % SWEEP_EVERY == 0) {
            evictIdle();
        }
        return decision[0];
    }

    /** Gives back a request that was taken but not served (the bot was too busy), up to the burst. */
    public void refund(long guildId) {
        long now = nanoClock.getAsLong();
        buckets.computeIfPresent(guildId, (id, bucket) -> {
            Bucket current = bucket.refilled(now, capacity);
            return new Bucket(Math.min(capacity, current.tokens() + refillNanos), now);
        });
    }

    /** Drops buckets that are full and were last used longer ago than the idle time. */
    public void evictIdle() {
        long now = nanoClock.getAsLong();
        for (Map.Entry<Long, Bucket> entry : buckets.entrySet()) {
            Bucket bucket = entry.getValue();
            if (now - bucket.updatedNanos() >= idleNanos && bucket.refilled(now, capacity).tokens() >= capacity) {
                // Removes only if no request replaced the bucket meanwhile.
                buckets.remove(entry.getKey(), bucket);
            }
        }
    }

    /** How many guilds have a bucket now. */
    public int trackedGuilds() {
        return buckets.size();
    }

    /**
     * A bucket's content in nanoseconds of refill time, so partial requests need no floating point: one
     * request costs {@code refillNanos}, a full bucket holds {@code burst * refillNanos}. Immutable.
     */
    private record Bucket(long tokens, long updatedNanos) {

        Bucket refilled(long now, long capacity) {
            long earned = Math.max(0, now - updatedNanos);
            return new Bucket(Math.min(capacity, tokens + Math.min(earned, capacity)), now);
        }
    }
}
