package org.topgif.bot.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class GuildRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private GuildRateLimiter limiter(int burst, Duration refill) {
        return new GuildRateLimiter(burst, refill, Duration.ofMinutes(10), now::get);
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void rejectsSecondRequestFromSameGuildWithinWindow() {
        GuildRateLimiter limiter = limiter(1, Duration.ofSeconds(60));
        assertTrue(limiter.tryAcquire(1).allowed());
        advance(Duration.ofSeconds(45));
        RateDecision refused = limiter.tryAcquire(1);
        assertFalse(refused.allowed());
        assertEquals(Duration.ofSeconds(15), refused.retryAfter());
        assertEquals(15, refused.retryAfterSeconds());
    }

    @Test
    void anotherGuildIsUnaffected() {
        GuildRateLimiter limiter = limiter(1, Duration.ofSeconds(60));
        assertTrue(limiter.tryAcquire(1).allowed());
        assertFalse(limiter.tryAcquire(1).allowed());
        assertTrue(limiter.tryAcquire(2).allowed());
    }

    @Test
    void allowsABurstThenOneRequestPerRefill() {
        GuildRateLimiter limiter = limiter(3, Duration.ofSeconds(10));
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire(7).allowed(), "request " + i);
        }
        assertFalse(limiter.tryAcquire(7).allowed());
        advance(Duration.ofSeconds(10));
        assertTrue(limiter.tryAcquire(7).allowed());
        assertFalse(limiter.tryAcquire(7).allowed());
        advance(Duration.ofHours(5));
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire(7).allowed(), "the bucket refills only up to the burst: " + i);
        }
        assertFalse(limiter.tryAcquire(7).allowed());
    }

    @Test
    void aRefundedRequestCanBeMadeAgain() {
        GuildRateLimiter limiter = limiter(1, Duration.ofSeconds(60));
        assertTrue(limiter.tryAcquire(3).allowed());
        limiter.refund(3);
        assertTrue(limiter.tryAcquire(3).allowed());
        assertFalse(limiter.tryAcquire(3).allowed());
        limiter.refund(3);
        limiter.refund(3);
        assertTrue(limiter.tryAcquire(3).allowed());
        assertFalse(limiter.tryAcquire(3).allowed(), "refunds never exceed the burst");
    }

    @Test
    void aRefusedRequestCostsNothing() {
        GuildRateLimiter limiter = limiter(1, Duration.ofSeconds(10));
        limiter.tryAcquire(1);
        for (int i = 0; i < 5; i++) {
            advance(Duration.ofSeconds(1));
            limiter.tryAcquire(1);
        }
        advance(Duration.ofSeconds(5));
        assertTrue(limiter.tryAcquire(1).allowed(), "ten seconds after the first request");
    }

    @Test
    void forgetsGuildsThatWentQuietAndKeepsThoseThatWait() {
        GuildRateLimiter limiter = new GuildRateLimiter(1, Duration.ofMinutes(5), Duration.ofMinutes(10), now::get);
        for (long guild = 1; guild <= 100; guild++) {
            limiter.tryAcquire(guild);
        }
        assertEquals(100, limiter.trackedGuilds());
        advance(Duration.ofMinutes(9));
        limiter.tryAcquire(1);
        advance(Duration.ofMinutes(1));
        limiter.evictIdle();
        assertEquals(1, limiter.trackedGuilds(), "guild 1 was active a minute ago and its bucket is not full");
        assertFalse(limiter.tryAcquire(1).allowed(), "eviction forgot nothing it still needed");
    }

    @Test
    void grantsExactlyTheBurstPerGuildToSixtyFourThreadsAtOnce() throws Exception {
        int burst = 5;
        int guilds = 16;
        GuildRateLimiter limiter = limiter(burst, Duration.ofSeconds(60)); // the clock stands still
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < 64; t++) {
            results.add(pool.submit(() -> {
                long[] granted = new long[guilds];
                start.await();
                for (int attempt = 0; attempt < 2000; attempt++) {
                    int guild = attempt % guilds;
                    if (limiter.tryAcquire(guild).allowed()) {
                        granted[guild]++;
                    }
                }
                return granted;
            }));
        }
        start.countDown();
        long[] total = new long[guilds];
        for (Future<long[]> result : results) {
            long[] granted = result.get(30, TimeUnit.SECONDS);
            for (int g = 0; g < guilds; g++) {
                total[g] += granted[g];
            }
        }
        pool.shutdown();
        for (int g = 0; g < guilds; g++) {
            assertEquals(burst, total[g], "guild " + g + " of 128,000 attempts");
        }
    }
}
