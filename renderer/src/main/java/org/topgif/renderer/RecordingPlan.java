package org.topgif.renderer;

import java.time.Duration;
import java.util.Objects;

import org.topgif.renderer.gif.AnimatedGifWriter;
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
    public static final Duration MAX_INTERVAL = Duration.ofSeconds(60);
    /** The longest recording, in seconds. */
    public static final int MAX_SECONDS = 600;
    public static final int MAX_PLAYS = AnimatedGifWriter.MAX_PLAYS;
    /** What an interval must be, for messages that name the key or flag before it. */
    public static final String INTERVAL_RULE = "a duration from 100ms to 60s in whole steps of 10 ms (a GIF's delay "
            + "unit), such as 1s or 500ms";
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
        if (!isValidInterval(interval)) {
            throw new IllegalArgumentException("interval must be " + INTERVAL_RULE + ": " + interval);
        }
        if (duration.compareTo(interval) < 0) {
            throw new IllegalArgumentException("duration " + duration + " is shorter than one interval");
        }
        if (width < MIN_WIDTH || height < MIN_HEIGHT || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("size must be " + MIN_WIDTH + "x" + MIN_HEIGHT + " to " + MAX_SIDE
                    + "x" + MAX_SIDE + ": " + width + "x" + height);
        }
        if (plays < 0 || plays > MAX_PLAYS) {
            throw new IllegalArgumentException("plays must be 0 (forever) to " + MAX_PLAYS + ": " + plays);
        }
        int frames = frames(duration, interval);
        if (frames > MAX_FRAMES) {
            throw new IllegalArgumentException("at most " + MAX_FRAMES + " frames: " + frames);
        }
    }

    /** Whether {@code interval} is one a recording takes: see {@link #INTERVAL_RULE}. */
    public static boolean isValidInterval(Duration interval) {
        return interval.compareTo(MIN_INTERVAL) >= 0 && interval.compareTo(MAX_INTERVAL) <= 0
                && interval.toNanos() % AnimatedGifWriter.DELAY_UNIT.toNanos() == 0;
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
