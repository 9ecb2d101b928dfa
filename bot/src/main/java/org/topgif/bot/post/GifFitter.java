package org.topgif.bot.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.TopGifRecorder;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.screen.ScreenOptions;

/**
 * Encodes a recording to fit an upload limit: as asked if it fits, else with fewer rows, then with every
 * other frame (each shown twice as long, so the loop keeps its length), rather than failing the upload.
 */
public final class GifFitter {

    private static final int FEWEST_ROWS = 3;

    private GifFitter() {
    }

    /** The GIF, at most {@code limitBytes}; empty if not even one frame with three rows fits. */
    public static Optional<byte[]> fit(List<SystemSample> samples, RecordingPlan plan, long limitBytes) {
        List<SystemSample> frames = samples;
        RecordingPlan current = plan;
        while (true) {
            byte[] gif = TopGifRecorder.encode(frames, current);
            if (gif.length <= limitBytes) {
                return Optional.of(gif);
            }
            ScreenOptions screen = current.screen();
            if (screen.rows() > FEWEST_ROWS) {
                current = withScreen(current, screen.withRows(Math.max(FEWEST_ROWS, screen.rows() / 2)));
            } else if (frames.size() > 1) {
                frames = everyOther(frames);
                current = withInterval(current, current.interval().multipliedBy(2));
            } else {
                return Optional.empty();
            }
        }
    }

    private static List<SystemSample> everyOther(List<SystemSample> samples) {
        List<SystemSample> kept = new ArrayList<>();
        for (int i = 1; i < samples.size(); i += 2) {
            kept.add(samples.get(i));
        }
        return kept;
    }

    private static RecordingPlan withScreen(RecordingPlan plan, ScreenOptions screen) {
        return new RecordingPlan(plan.duration(), plan.interval(), plan.width(), plan.height(), plan.theme(),
                plan.plays(), screen);
    }

    private static RecordingPlan withInterval(RecordingPlan plan, Duration interval) {
        Duration duration = plan.duration().compareTo(interval) < 0 ? interval : plan.duration();
        return new RecordingPlan(duration, interval, plan.width(), plan.height(), plan.theme(), plan.plays(),
                plan.screen());
    }
}
