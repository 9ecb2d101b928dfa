package org.topgif.bot.command;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.topgif.bot.post.GifPipeline;
import org.topgif.bot.post.MadeUpSamples;
import org.topgif.bot.recordings.Recordings;
import org.topgif.config.CommandLimits;
import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.RecordingProgress;
import org.topgif.renderer.raster.Theme;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.screen.ScreenOptions;

/** What the /top jobs need, made up: a host whose history is full, the default GIF path, no pauses. Test code. */
final class AnswerFixtures {

    static final RecordingPlan DEFAULTS = new RecordingPlan(Duration.ofSeconds(12), Duration.ofSeconds(1), 550, 350,
            Theme.DARK, 0, ScreenOptions.defaults());
    static final TopOptionsParser PARSER = new TopOptionsParser(
            new CommandLimits(2, 30, 12, 40, 64, Duration.ofSeconds(3)), ScreenOptions.defaults(), Theme.DARK);

    private AnswerFixtures() {
    }

    /** A host with a full history; a live recording tells its progress frame by frame; counts recordings. */
    static final class MadeUpHost implements Recordings {
        final AtomicInteger recorded = new AtomicInteger();

        @Override
        public List<SystemSample> record(RecordingPlan plan, RecordingProgress progress) throws InterruptedException {
            recorded.incrementAndGet();
            for (int done = 1; done <= plan.frames(); done++) {
                progress.frameRecorded(done, plan.frames());
            }
            return MadeUpSamples.of(plan.frames());
        }

        @Override
        public Optional<CompletableFuture<List<SystemSample>>> recent(RecordingPlan plan) {
            return Optional.of(CompletableFuture.completedFuture(MadeUpSamples.of(plan.frames())));
        }
    }

    static TopAnswers answers(Recordings recordings) {
        return new TopAnswers(recordings, new GifPipeline(DEFAULTS, 10L << 20, "testhost"),
                new GifDelivery(attempt -> { }), Duration.ofSeconds(3), System::nanoTime);
    }
}
