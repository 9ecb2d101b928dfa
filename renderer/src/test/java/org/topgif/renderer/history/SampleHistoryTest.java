package org.topgif.renderer.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topgif.renderer.history.NumberedSamples.numberOf;
import static org.topgif.renderer.history.NumberedSamples.numbered;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.topgif.renderer.sample.SystemSample;

class SampleHistoryTest {

    private static List<Long> numbers(SampleHistory.Window window) {
        return window.samples().stream().map(NumberedSamples::numberOf).toList();
    }

    private static SampleHistory holding(int capacity, int samples) {
        SampleHistory history = new SampleHistory(capacity);
        for (int n = 1; n <= samples; n++) {
            history.add(numbered(n));
        }
        return history;
    }

    @Test
    void latestIsTheNewestSamplesOldestFirstAndNeverMoreThanItHolds() {
        SampleHistory history = holding(5, 12);
        assertEquals(List.of(10L, 11L, 12L), numbers(history.latest(3)));
        assertEquals(10, history.latest(3).first());
        assertEquals(List.of(8L, 9L, 10L, 11L, 12L), numbers(history.latest(30)), "only the last five are kept");
    }

    @Test
    void anEmptyHistoryHasAnEmptyWindow() {
        SampleHistory.Window none = new SampleHistory(3).latest(3);
        assertEquals(List.of(), none.samples());
        assertEquals(0, new SampleHistory(3).newest());
    }

    @Test
    void recentIsCompleteAtOnceWhenTheHistoryHoldsEnough() {
        SampleHistory history = holding(30, 30);
        CompletableFuture<SampleHistory.Window> recent = history.recent(12);
        assertTrue(recent.isDone());
        assertEquals(19, recent.join().first());
        assertEquals(12, recent.join().samples().size());
    }

    @Test
    void justAfterStartUpRecentTakesWhatThereIsAndWaitsForTheRest() {
        SampleHistory history = holding(30, 2);
        CompletableFuture<SampleHistory.Window> recent = history.recent(5);
        history.add(numbered(3));
        history.add(numbered(4));
        assertFalse(recent.isDone(), "four of five samples");
        history.add(numbered(5));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), numbers(recent.join()));
    }

    @Test
    void aRequestLongerThanTheHistoryGetsAllItHoldsAndTheSamplesAfter() {
        SampleHistory history = holding(3, 10);
        CompletableFuture<SampleHistory.Window> recent = history.recent(5);
        history.add(numbered(11));
        assertFalse(recent.isDone());
        history.add(numbered(12));
        assertEquals(List.of(8L, 9L, 10L, 11L, 12L), numbers(recent.join()));
    }

    @Test
    void nextWaitsForSamplesTakenAfterTheCall() {
        SampleHistory history = holding(30, 10);
        CompletableFuture<SampleHistory.Window> next = history.next(2);
        assertFalse(next.isDone());
        history.add(numbered(11));
        history.add(numbered(12));
        assertEquals(List.of(11L, 12L), numbers(next.join()));
    }

    /**
     * 32 readers against a writer that never pauses: every window a reader gets is a consecutive run of whole
     * samples, each the one its number says, and none of them ever blocked the writer.
     */
    @Test
    @Timeout(60)
    void thirtyTwoReadersSeeOnlyConsecutiveCompleteSamplesWhileTheWriterRuns() throws Exception {
        SampleHistory history = holding(30, 30);
        AtomicReference<Throwable> broken = new AtomicReference<>();
        AtomicLong windows = new AtomicLong();
        AtomicLong waited = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        CountDownLatch started = new CountDownLatch(33);
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 32; r++) {
            int count = 1 + r % 30;
            Thread reader = new Thread(() -> {
                started.countDown();
                try {
                    while (System.nanoTime() < end) {
                        checkConsecutive(history.latest(count), count);
                        if (windows.incrementAndGet() % 64 == 0) {
                            // Now and then wait for fresh samples too, as a request just after start-up does.
                            checkConsecutive(history.next(Math.min(count, 5)).get(10, TimeUnit.SECONDS), -1);
                            waited.incrementAndGet();
                        }
                    }
                } catch (Throwable failure) {
                    broken.compareAndSet(null, failure);
                }
            });
            readers.add(reader);
            reader.start();
        }
        Thread writer = new Thread(() -> {
            started.countDown();
            long n = 30;
            while (System.nanoTime() < end + TimeUnit.MILLISECONDS.toNanos(200)) {
                history.add(numbered(++n));
            }
        });
        writer.start();
        for (Thread reader : readers) {
            reader.join();
        }
        writer.join();
        if (broken.get() != null) {
            throw new AssertionError("a reader saw a broken window", broken.get());
        }
        assertTrue(windows.get() > 32 * 100, "the readers did read: " + windows.get());
        assertTrue(waited.get() > 32, "and waited: " + waited.get());
        assertTrue(history.newest() > 10_000, "the writer went round the ring many times: " + history.newest());
    }

    /** Consecutive numbers from the window's first; exactly {@code expected} of them unless it is -1. */
    private static void checkConsecutive(SampleHistory.Window window, int expected) {
        List<SystemSample> samples = window.samples();
        if (expected >= 0 && samples.size() != expected) {
            throw new AssertionError("asked for " + expected + " of a full history, got " + samples.size());
        }
        for (int i = 0; i < samples.size(); i++) {
            long n = numberOf(samples.get(i));
            if (n != window.first() + i) {
                throw new AssertionError("sample " + i + " of a window from " + window.first() + " is " + n);
            }
        }
    }

    @Test
    void aRequestLongerThanATinyHistoryStillMissesNoSample() {
        SampleHistory history = holding(2, 2);
        CompletableFuture<SampleHistory.Window> recent = history.recent(6);
        // Its future completes on the writer's thread as each sample comes; here none is read in between.
        for (int n = 3; n <= 6; n++) {
            history.add(numbered(n));
        }
        try {
            List<Long> got = numbers(recent.get());
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), got, "each sample is taken as it is published");
        } catch (InterruptedException | ExecutionException unexpected) {
            throw new AssertionError(unexpected);
        }
    }
}
