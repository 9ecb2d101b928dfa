package org.topgif.renderer.history;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.topgif.renderer.sample.SystemSample;

/**
 * The last {@code capacity} samples of the host, numbered 1, 2, 3... as they were taken.
 *
 * <p>One writer, any number of readers, no lock: the writer stores an immutable entry in a ring slot and
 * then advances the volatile {@code newest}, so a reader that reads {@code newest} first sees every entry
 * up to it complete. A slot can be overwritten while a reader copies it, so each entry carries its number
 * and a reader that finds a slot already replaced reads again. Waiting readers hold a future that the writer
 * completes after each sample; the writer never waits for a reader.
 */
public final class SampleHistory {

    /** A sample with its number in the history. */
    private record Numbered(long number, SystemSample sample) {
    }

    /**
     * Consecutive samples, oldest first. Immutable.
     *
     * @param first the number of the first one, 0 when there are none
     */
    public record Window(long first, List<SystemSample> samples) {
        public Window {
            samples = List.copyOf(samples);
        }

        /** The number of the newest sample, or {@code first - 1} when empty. */
        public long last() {
            return first + samples.size() - 1;
        }
    }

    private final int capacity;
    private final AtomicReferenceArray<Numbered> ring;
    /** The number of the newest sample published, 0 before the first; written by the writer only. */
    private volatile long newest;
    /** Completed, and replaced, after each sample: what readers waiting for one wait on. */
    private volatile CompletableFuture<Void> nextSample = new CompletableFuture<>();

    public SampleHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a history holds at least one sample: " + capacity);
        }
        this.capacity = capacity;
        this.ring = new AtomicReferenceArray<>(capacity);
    }

    /** How many samples it keeps. */
    public int capacity() {
        return capacity;
    }

    /** The number of the newest sample, 0 before the first. */
    public long newest() {
        return newest;
    }

    /** Publishes the next sample. One thread only, the sampler's. */
    public void add(SystemSample sample) {
        long number = newest + 1;
        ring.set(slot(number), new Numbered(number, sample));
        newest = number;
        CompletableFuture<Void> arrived = nextSample;
        nextSample = new CompletableFuture<>();
        arrived.complete(null);
    }

    /** The newest {@code count} samples it holds (fewer just after start-up), oldest first; never blocks. */
    public Window latest(int count) {
        while (true) {
            long last = newest;
            long first = firstOfLatest(count, last);
            List<SystemSample> samples = new ArrayList<>((int) (last - first + 1));
            for (long number = first; number <= last; number++) {
                Numbered entry = ring.get(slot(number));
                if (entry.number() != number) {
                    // The writer went round the ring while this thread was descheduled: read again from the
                    // new newest. At one sample an interval that takes a pause of whole intervals.
                    break;
                }
                samples.add(entry.sample());
            }
            if (samples.size() == last - first + 1) {
                return new Window(samples.isEmpty() ? 0 : first, samples);
            }
        }
    }

    /**
     * The {@code count} samples that end with the newest now, or, while it holds fewer, the first
     * {@code count} it will hold: complete at once when they are held, else when the sampler has taken the
     * rest. Completes on the sampler's thread, so callers go on with an executor of their own.
     */
    public CompletableFuture<Window> recent(int count) {
        long first = firstOfLatest(count, newest);
        return collect(first, first + count - 1, new ArrayList<>(count), first);
    }

    /** The {@code count} samples taken after now, complete when the last of them is. */
    public CompletableFuture<Window> next(int count) {
        long first = newest + 1;
        return collect(first, first + count - 1, new ArrayList<>(count), first);
    }

    /**
     * Adds samples {@code from} to {@code last} to {@code into} as they are published. A reader descheduled
     * for a whole ring's worth of samples (at one an interval, never seen) starts its window again at the
     * newest sample rather than leave a gap in it.
     */
    private CompletableFuture<Window> collect(long from, long last, List<SystemSample> into, long first) {
        for (long number = from; number <= last; number++) {
            CompletableFuture<Void> arrival = nextSample;
            if (newest < number) {
                long waitingFor = number;
                return arrival.thenCompose(ignored -> collect(waitingFor, last, into, first));
            }
            Numbered entry = ring.get(slot(number));
            if (entry.number() != number) {
                into.clear();
                long restart = newest;
                return collect(restart, restart + (last - first), into, restart);
            }
            into.add(entry.sample());
        }
        return CompletableFuture.completedFuture(new Window(first, into));
    }

    /** The number of the oldest of the newest {@code count} samples it holds when {@code last} is the newest. */
    private long firstOfLatest(int count, long last) {
        return Math.max(1, last - Math.min(count, capacity) + 1);
    }

    private int slot(long number) {
        return (int) (number % capacity);
    }
}
