package org.topgif.bot.recordings;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.RecordingProgress;
import org.topgif.renderer.sample.SystemSample;

/** Where a request's samples come from: this host in the bot, a made-up host in tests. */
@FunctionalInterface
public interface Recordings extends AutoCloseable {

    /** Records {@code plan.frames()} samples from now on, one per interval, telling {@code progress} after each. */
    List<SystemSample> record(RecordingPlan plan, RecordingProgress progress) throws InterruptedException;

    /**
     * The {@code plan.frames()} samples up to now, when this source keeps a history: complete at once, or once
     * the history has gathered enough just after start-up; it completes on the sampler's thread. Empty when
     * it keeps none, and every request records forward.
     */
    default Optional<CompletableFuture<List<SystemSample>>> recent(RecordingPlan plan) {
        return Optional.empty();
    }

    /**
     * Waits for the samples {@link #recent} promised: there at once, except just after start-up, when the
     * history waits for the rest. A history that stopped sampling fails the request instead of holding its
     * thread.
     */
    static <T> T await(CompletableFuture<T> recent, RecordingPlan plan) throws InterruptedException {
        try {
            return recent.get(patience(plan).toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException stalled) {
            throw new IllegalStateException("the host's history gave no samples", stalled);
        }
    }

    /** How long samples for {@code plan} may take to come before the history's sampler counts as stuck. */
    static Duration patience(RecordingPlan plan) {
        return plan.interval().multipliedBy(plan.frames() + 2L).plusSeconds(5);
    }

    /**
     * Hands {@code each} every sample this source's history takes from now on, on the thread that takes it,
     * which {@code each} must not hold up. A source without a history never does.
     */
    default void watch(Consumer<SystemSample> each) {
    }

    /** Stops whatever samples in the background. */
    @Override
    default void close() throws InterruptedException {
    }
}
