package org.topgif.renderer.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.topgif.renderer.history.NumberedSamples.numbered;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.topgif.renderer.Pacer;
import org.topgif.renderer.sample.SystemSample;

@Timeout(30)
class HistorySamplerTest {

    /** Time the test moves: each wait returns when the test lets one tick pass, at the time the test set. */
    private static final class SteppedTime implements Pacer {
        final Semaphore ticks = new Semaphore(0);
        final AtomicLong now = new AtomicLong();
        final AtomicLong lastDeadline = new AtomicLong();

        @Override
        public long nanoTime() {
            return now.get();
        }

        @Override
        public void sleepUntil(long deadlineNanos) throws InterruptedException {
            lastDeadline.set(deadlineNanos);
            ticks.acquire();
            now.accumulateAndGet(deadlineNanos, Math::max);
        }
    }

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** Numbered samples 1, 2, 3... in the order they are taken; sample 3 fails when {@code failThird}. */
    private static Supplier<SystemSample> counting(boolean failThird) {
        AtomicLong taken = new AtomicLong();
        return () -> {
            long n = taken.incrementAndGet();
            if (failThird && n == 3) {
                throw new IllegalStateException("a process table that could not be read");
            }
            return numbered(n);
        };
    }

    private static List<Long> numbers(SampleHistory history) {
        return history.latest(history.capacity()).samples().stream().map(NumberedSamples::numberOf).toList();
    }

    @Test
    void theFirstSampleOnlyPrimesAndEachTickAddsOne() throws Exception {
        SampleHistory history = new SampleHistory(10);
        SteppedTime time = new SteppedTime();
        try (HistorySampler sampler = new HistorySampler(history, counting(false), Duration.ofSeconds(1), time,
                failure -> { }).start()) {
            time.ticks.release(3);
            history.recent(3).get(10, TimeUnit.SECONDS);
            assertEquals(List.of(2L, 3L, 4L), numbers(history), "sample 1 primed %CPU and was not kept");
        }
    }

    @Test
    void aFailedSampleIsReportedAndSamplingGoesOn() throws Exception {
        SampleHistory history = new SampleHistory(10);
        SteppedTime time = new SteppedTime();
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        try (HistorySampler sampler = new HistorySampler(history, counting(true), Duration.ofSeconds(1), time,
                failures::add).start()) {
            time.ticks.release(4);
            history.recent(3).get(10, TimeUnit.SECONDS);
            assertEquals(List.of(2L, 4L, 5L), numbers(history));
            assertEquals(1, failures.size());
        }
    }

    @Test
    void ticksMissedDuringAPauseAreSkippedNotSampledInABurst() throws Exception {
        SampleHistory history = new SampleHistory(10);
        SteppedTime time = new SteppedTime();
        try (HistorySampler sampler = new HistorySampler(history, counting(false), Duration.ofSeconds(1), time,
                failure -> { }).start()) {
            time.ticks.release();
            history.recent(1).get(10, TimeUnit.SECONDS);
            while (time.lastDeadline.get() != SECOND * 2) {
                Thread.onSpinWait(); // the sampler is waiting for its second tick
            }
            // The host stalls for 5.5 s after the first tick: the next deadline is the one after the stall.
            time.now.set(SECOND * 6 + SECOND / 2);
            time.ticks.release();
            history.recent(2).get(10, TimeUnit.SECONDS);
            while (time.lastDeadline.get() <= SECOND * 2) {
                Thread.onSpinWait();
            }
            assertEquals(SECOND * 7, time.lastDeadline.get());
            assertEquals(2, history.newest());
        }
    }
}
