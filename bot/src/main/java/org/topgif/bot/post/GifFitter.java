package org.topgif.bot.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.topgif.renderer.FleetGif;
import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.TopGifRecorder;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.screen.FleetHost;
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

    /**
     * A fleet overview, at most {@code limitBytes}: as asked if it fits, else with every other frame; empty if
     * not even one frame fits.
     */
    public static Optional<byte[]> fitFleet(List<FleetHost> hosts, int notShown, RecordingPlan plan, long limitBytes) {
        List<FleetHost> frames = hosts;
        RecordingPlan current = plan;
        while (true) {
            byte[] gif = FleetGif.encode(frames, notShown, current);
            if (gif.length <= limitBytes) {
                return Optional.of(gif);
            }
            int longest = frames.stream().mapToInt(host -> host.samples().size()).max().orElse(0);
            if (longest <= 1) {
                return Optional.empty();
            }
            frames = frames.stream().map(host -> new FleetHost(host.name(), everyOther(host.samples()),
                    host.silentFor())).toList();
            current = withInterval(current, current.interval().multipliedBy(2));
        }
    }

    /** Every other sample, the newest kept: a fleet's hosts stay aligned on it, and one sample stays one. */
    private static List<SystemSample> everyOther(List<SystemSample> samples) {
        if (samples.size() <= 1) {
            return samples;
        }
        List<SystemSample> kept = new ArrayList<>();
        for (int i = (samples.size() - 1) % 2; i < samples.size(); i += 2) {
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
