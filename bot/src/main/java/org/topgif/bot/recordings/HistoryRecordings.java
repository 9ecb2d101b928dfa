package org.topgif.bot.recordings;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.bot.failure.FailureCause;
import org.topgif.renderer.Pacer;
import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.RecordingProgress;
import org.topgif.renderer.history.HistorySampler;
import org.topgif.renderer.history.SampleHistory;
import org.topgif.renderer.sample.ProcessSampler;
import org.topgif.renderer.sample.SystemSample;

/**
 * Samples from the bot's one history of the host: the last seconds for an instant answer, the next ones for
 * a live recording. Nobody samples the host but the history's thread, however many ask. Thread-safe.
 */
public final class HistoryRecordings implements Recordings {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryRecordings.class);

    private final SampleHistory history;
    /** What to stop on close: the sampler thread, then the sampler's files; set once, before sampling starts. */
    private volatile AutoCloseable sampling;
    /** Told of each sample {@link #take} adds, on the sampler's thread. */
    private final List<Consumer<SystemSample>> watchers = new CopyOnWriteArrayList<>();

    /** @param sampling stopped on {@link #close()}; the history's writer, if this source owns one */
    public HistoryRecordings(SampleHistory history, AutoCloseable sampling) {
        this.history = history;
        this.sampling = sampling;
    }

    /** Starts sampling this host into a history of {@code samples}, at {@code interval}, until closed. */
    public static HistoryRecordings startSampling(ProcessSampler sampler, int samples, Duration interval) {
        HistoryRecordings recordings = new HistoryRecordings(new SampleHistory(samples), () -> { });
        HistorySampler thread = new HistorySampler(recordings::take, sampler::sample, interval, Pacer.SYSTEM,
                failed -> LOG.warn("a sample of the host failed: {}", FailureCause.oneLine(failed)),
                "topgif-history").start();
        recordings.sampling = () -> {
            thread.close();
            sampler.close();
        };
        return recordings;
    }

    /** Adds a sample to the history and tells the watchers, on the caller's thread: the history's writer. */
    public void take(SystemSample sample) {
        history.add(sample);
        for (Consumer<SystemSample> watcher : watchers) {
            watcher.accept(sample);
        }
    }

    /** Checks every sample the history takes, on the sampler's thread: no sampling of its own. */
    @Override
    public void watch(Consumer<SystemSample> each) {
        watchers.add(each);
    }

    public SampleHistory history() {
        return history;
    }

    @Override
    public Optional<CompletableFuture<List<SystemSample>>> recent(RecordingPlan plan) {
        return Optional.of(history.recent(plan.frames()).thenApply(SampleHistory.Window::samples));
    }

    /** Waits for the next {@code plan.frames()} samples of the history, telling {@code progress} as each comes. */
    @Override
    public List<SystemSample> record(RecordingPlan plan, RecordingProgress progress) throws InterruptedException {
        int frames = plan.frames();
        long first = history.newest() + 1;
        CompletableFuture<SampleHistory.Window> next = history.next(frames);
        long deadline = System.nanoTime() + Recordings.patience(plan).toNanos();
        try {
            int told = 0;
            while (!next.isDone()) {
                history.next(1).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                int taken = (int) Math.min(frames, history.newest() - first + 1);
                if (taken > told && taken < frames) {
                    told = taken;
                    progress.frameRecorded(taken, frames);
                }
            }
            List<SystemSample> samples = next.get().samples();
            progress.frameRecorded(frames, frames);
            return samples;
        } catch (ExecutionException | TimeoutException stalled) {
            throw new IllegalStateException("the host's history took no sample in time", stalled);
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            sampling.close();
        } catch (InterruptedException interrupted) {
            throw interrupted;
        } catch (Exception failed) {
            LOG.warn("could not stop sampling cleanly: {}", FailureCause.oneLine(failed));
        }
    }
}
