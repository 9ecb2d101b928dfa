package org.topgif.renderer.history;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.topgif.renderer.Pacer;
import org.topgif.renderer.sample.SystemSample;

/**
 * The thread that keeps a {@link SampleHistory} (or an agent's publisher) fed: one sample per interval, on a fixed clock, from
 * {@link #start()} until {@link #close()}. The sampler is this thread's alone. Its first sample only primes
 * the %CPU of the second and is not published. A sample that fails is reported and skipped: a monitor
 * that stops sampling after one odd process would show a frozen host.
 */
public final class HistorySampler implements AutoCloseable {

    private final Consumer<SystemSample> history;
    private final Supplier<SystemSample> sampler;
    private final long intervalNanos;
    private final Pacer pacer;
    private final Consumer<RuntimeException> failed;
    private final Thread thread;

    /** @param failed told of each sample that failed, on the sampler's thread */
    public HistorySampler(SampleHistory history, Supplier<SystemSample> sampler, Duration interval, Pacer pacer,
                          Consumer<RuntimeException> failed) {
        this(history::add, sampler, interval, pacer, failed, "topgif-history");
    }

    /**
     * A sampler that hands each sample to {@code taken}, on its own thread named {@code threadName}, rather than
     * to a history: an agent that publishes its samples.
     */
    public HistorySampler(Consumer<SystemSample> taken, Supplier<SystemSample> sampler, Duration interval,
                          Pacer pacer, Consumer<RuntimeException> failed, String threadName) {
        this.history = taken;
        this.sampler = sampler;
        this.intervalNanos = interval.toNanos();
        this.pacer = pacer;
        this.failed = failed;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    public HistorySampler start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            long start = pacer.nanoTime();
            take();
            for (long k = 1; ; k++) {
                pacer.sleepUntil(start + k * intervalNanos);
                SystemSample sample = take();
                if (sample != null) {
                    history.accept(sample);
                }
                // After a pause longer than an interval (a suspended VM, a stalled disk) the missed ticks are
                // skipped rather than sampled in a burst.
                k = Math.max(k, (pacer.nanoTime() - start) / intervalNanos);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private SystemSample take() {
        try {
            return sampler.get();
        } catch (RuntimeException failure) {
            failed.accept(failure);
            return null;
        }
    }

    /** Stops sampling and waits for the thread to end, so the sampler can be closed after. */
    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
