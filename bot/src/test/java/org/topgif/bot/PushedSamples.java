package org.topgif.bot;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.topgif.bot.recordings.Recordings;
import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.RecordingProgress;
import org.topgif.renderer.history.SampleHistory;
import org.topgif.renderer.sample.SystemSample;

/**
 * A host whose samples the test hands over one by one, as the history's sampler would: each goes into a history
 * and to the watchers, on the test's thread. Remembers the windows it gave out. Test code.
 */
final class PushedSamples implements Recordings {

    private final SampleHistory history;
    private final List<Consumer<SystemSample>> watchers = new CopyOnWriteArrayList<>();
    /** The samples of each window {@link #recent} gave, in order. */
    final List<List<SystemSample>> given = new CopyOnWriteArrayList<>();

    PushedSamples(int capacity) {
        this.history = new SampleHistory(capacity);
    }

    void push(SystemSample sample) {
        history.add(sample);
        watchers.forEach(watcher -> watcher.accept(sample));
    }

    @Override
    public Optional<CompletableFuture<List<SystemSample>>> recent(RecordingPlan plan) {
        return Optional.of(history.recent(plan.frames()).thenApply(window -> {
            given.add(window.samples());
            return window.samples();
        }));
    }

    @Override
    public List<SystemSample> record(RecordingPlan plan, RecordingProgress progress) {
        throw new UnsupportedOperationException("a pushed host records nothing live");
    }

    @Override
    public void watch(Consumer<SystemSample> each) {
        watchers.add(each);
    }
}
