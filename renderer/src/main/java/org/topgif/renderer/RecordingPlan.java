package org.topgif.renderer;

import java.time.Duration;
import java.util.Objects;

import org.topgif.renderer.raster.Theme;
import org.topgif.renderer.screen.ScreenOptions;

/**
 * What to record and how to draw it. Immutable; the constructor rejects what cannot be recorded.
 *
 * @param duration how long to record; frames = duration / interval, rounded, at least one
 * @param interval time between samples, which is also each frame's delay (in the GIF's 10 ms units)
 * @param plays    0 loops forever, N plays N times
 */
public record RecordingPlan(Duration duration, Duration interval, int width, int height, Theme theme, int plays,
                            ScreenOptions screen) {

    public static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    /** Frame sizes a recording accepts: wide enough for a line of top, and at most what a GIF viewer likes. */
    public static final int MIN_WIDTH = 160;
    public static final int MIN_HEIGHT = 60;
    public static final int MAX_SIDE = 4096;
    public static final int MAX_FRAMES = 3600;

    public RecordingPlan {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(screen, "screen");
        if (interval.compareTo(MIN_INTERVAL) < 0 || interval.toMillis() % 10 != 0) {
            throw new IllegalArgumentException("interval must be a multiple of 10 ms from 100 ms: " + interval);
        }
        if (duration.compareTo(interval) < 0) {
            throw new IllegalArgumentException("duration " + duration + " is shorter than one interval");
        }
        if (width < MIN_WIDTH || height < MIN_HEIGHT || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("size must be " + MIN_WIDTH + "x" + MIN_HEIGHT + " to " + MAX_SIDE
                    + "x" + MAX_SIDE + ": " + width + "x" + height);
        }
        if (plays < 0 || plays > 65536) {
            throw new IllegalArgumentException("plays must be 0 (forever) to 65536: " + plays);
        }
        int frames = frames(duration, interval);
        if (frames > MAX_FRAMES) {
            throw new IllegalArgumentException("at most " + MAX_FRAMES + " frames: " + frames);
        }
    }

    /** How many frames the GIF will have. */
    public int frames() {
        return frames(duration, interval);
    }

    private static int frames(Duration duration, Duration interval) {
        return (int) Math.max(1, Math.round((double) duration.toMillis() / interval.toMillis()));
    }

    /** Each frame's delay, in hundredths of a second. */
    public int delayCentis() {
        return (int) Math.min(65535, interval.toMillis() / 10);
    }
}
