package org.topgif.bot.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

import org.topgif.renderer.RecordingProgress;

/**
 * A recording's progress for a person: on a terminal one line rewritten in place; elsewhere (a CI log, a
 * file) a whole line for each second recorded, and one for the last frame, since carriage returns make a log
 * one long line. Used from the recording's one thread.
 */
final class ProgressLines implements RecordingProgress {

    private final PrintStream err;
    private final boolean terminal;
    private final long intervalMillis;
    /** Whole seconds recorded when the last line was written. */
    private long lastSeconds;

    /** @param interval how much time each frame records */
    ProgressLines(PrintStream err, boolean terminal, Duration interval) {
        this.err = err;
        this.terminal = terminal;
        this.intervalMillis = interval.toMillis();
    }

    @Override
    public void frameRecorded(int done, int total) {
        if (terminal) {
            err.printf(Locale.ROOT, "\rrecording %d/%d%s", done, total, done == total ? System.lineSeparator() : "");
            err.flush();
            return;
        }
        long seconds = done * intervalMillis / 1000;
        if (seconds > lastSeconds || done == total) {
            lastSeconds = seconds;
            err.printf(Locale.ROOT, "recording %d/%d%n", done, total);
        }
    }
}
