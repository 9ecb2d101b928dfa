package org.topgif.bot.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RecordingQueueTest {

    @Test
    void startsUpToTheCapThenQueuesThenRefuses() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch releaseSecond = new CountDownLatch(1);
        CountDownLatch bothWaitingRan = new CountDownLatch(2);
        List<String> ran = new CopyOnWriteArrayList<>();
        try (RecordingQueue queue = new RecordingQueue("test", 2, 2)) {
            assertInstanceOf(RecordingQueue.Admission.Started.class, queue.submit(() -> await(releaseFirst)));
            assertInstanceOf(RecordingQueue.Admission.Started.class, queue.submit(() -> await(releaseSecond)));
            assertEquals(new RecordingQueue.Admission.Queued(0), queue.submit(() -> {
                ran.add("third");
                bothWaitingRan.countDown();
            }));
            assertEquals(new RecordingQueue.Admission.Queued(1), queue.submit(() -> {
                ran.add("fourth");
                bothWaitingRan.countDown();
            }));
            assertInstanceOf(RecordingQueue.Admission.Refused.class, queue.submit(() -> ran.add("fifth")));
            // One slot frees while the other stays busy, so the waiting two share that one slot, one after
            // the other. (With both slots free they would run at once, in no fixed order.)
            releaseFirst.countDown();
            assertTrue(bothWaitingRan.await(10, TimeUnit.SECONDS));
            assertEquals(List.of("third", "fourth"), ran, "waiting recordings start in the order they came");
            releaseSecond.countDown();
            assertTrue(queue.awaitIdle(10, TimeUnit.SECONDS));
            assertEquals(List.of("third", "fourth"), ran, "the refused one never runs");
            assertTrue(queue.stopTaking().isEmpty());
        }
    }

    @Test
    void stoppingHandsBackWhatNeverStartedAndRefusesMore() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (RecordingQueue queue = new RecordingQueue("test", 1, 5)) {
            queue.submit(() -> await(release));
            Runnable waiting = () -> { };
            queue.submit(waiting);
            assertEquals(List.of(waiting), queue.stopTaking());
            assertInstanceOf(RecordingQueue.Admission.Refused.class, queue.submit(() -> { }));
            release.countDown();
            assertTrue(queue.awaitIdle(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void neverRunsMoreThanTheCapAtOnce() throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(40);
        try (RecordingQueue queue = new RecordingQueue("test", 3, 100)) {
            for (int i = 0; i < 40; i++) {
                queue.submit(() -> {
                    int running = now.incrementAndGet();
                    most.accumulateAndGet(running, Math::max);
                    Thread.yield();
                    now.decrementAndGet();
                    done.countDown();
                });
            }
            assertTrue(done.await(20, TimeUnit.SECONDS));
            assertTrue(most.get() <= 3, "at most 3 at once, saw " + most.get());
        }
    }

    @Test
    void aFailingRecordingGivesItsSlotBack() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        try (RecordingQueue queue = new RecordingQueue("test", 1, 1)) {
            queue.submit(() -> {
                throw new IllegalStateException("boom");
            });
            queue.submit(ran::countDown);
            assertTrue(ran.await(10, TimeUnit.SECONDS));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
