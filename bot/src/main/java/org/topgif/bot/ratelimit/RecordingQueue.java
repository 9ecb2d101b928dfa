package org.topgif.bot.ratelimit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs recordings, at most {@code maxConcurrent} at once across all guilds, with at most {@code queueSize}
 * more waiting in order; beyond that a request is refused at once rather than left waiting without end.
 *
 * <p>Thread-safe: the two counts and the waiting line are guarded by this object's lock, held only to
 * decide, never while a recording runs.
 */
public final class RecordingQueue implements AutoCloseable {

    /** What became of a submitted recording. */
    public sealed interface Admission {
        /** It runs now. */
        record Started() implements Admission {
        }

        /** It waits behind {@code ahead} others. */
        record Queued(int ahead) implements Admission {
        }

        /** Too many are waiting already. */
        record Refused() implements Admission {
        }
    }

    private final int maxConcurrent;
    private final int queueSize;
    private final ExecutorService threads;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int running;
    private boolean closed;

    /** @param kind names its threads: topgif-KIND-1, topgif-KIND-2... */
    public RecordingQueue(String kind, int maxConcurrent, int queueSize) {
        if (maxConcurrent < 1 || queueSize < 0) {
            throw new IllegalArgumentException("need at least one slot and no negative queue");
        }
        this.maxConcurrent = maxConcurrent;
        this.queueSize = queueSize;
        AtomicInteger count = new AtomicInteger();
        // Unbounded in principle, but never more threads than maxConcurrent: submit() counts them.
        this.threads = Executors.newCachedThreadPool(job -> {
            Thread thread = new Thread(job, "topgif-" + kind + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts {@code recording} now, queues it, or refuses it; never blocks. */
    public synchronized Admission submit(Runnable recording) {
        if (closed) {
            return new Admission.Refused();
        }
        if (running < maxConcurrent) {
            running++;
            threads.execute(() -> runThenNext(recording));
            return new Admission.Started();
        }
        if (waiting.size() < queueSize) {
            waiting.add(recording);
            return new Admission.Queued(waiting.size() - 1);
        }
        return new Admission.Refused();
    }

    /** Recordings running now. */
    public synchronized int running() {
        return running;
    }

    /** Recordings waiting now. */
    public synchronized int waiting() {
        return waiting.size();
    }

    private void runThenNext(Runnable recording) {
        Runnable next = recording;
        while (next != null) {
            try {
                next.run();
            } catch (RuntimeException failed) {
                // A recording answers its own user; whatever escapes it must not stop the line behind it.
                Thread current = Thread.currentThread();
                current.getUncaughtExceptionHandler().uncaughtException(current, failed);
            }
            next = takeNext();
        }
    }

    /** The next waiting recording for this thread, or null after giving the slot back. */
    private synchronized Runnable takeNext() {
        Runnable next = closed ? null : waiting.poll();
        if (next == null) {
            running--;
            notifyAll();
        }
        return next;
    }

    /**
     * Refuses new recordings from now on and hands back those still waiting, which will never run, so their
     * users can be told.
     */
    public synchronized List<Runnable> stopTaking() {
        closed = true;
        List<Runnable> neverStarted = new ArrayList<>(waiting);
        waiting.clear();
        return neverStarted;
    }

    /** Waits up to {@code timeout} until nothing runs or waits; true if that happened in time. */
    public synchronized boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (running > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            waiting.clear();
        }
        threads.shutdownNow();
    }
}
