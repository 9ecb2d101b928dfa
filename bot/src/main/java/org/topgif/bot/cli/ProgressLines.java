package org.topgif.bot.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.topgif.renderer.RecordingProgress;

/**
 * A recording's progress for a person: on a terminal one line rewritten in place; elsewhere (a CI log, a
 * file) whole lines, about one per tenth of the recording, since carriage returns make a log one long line.
 * Used from the recording's one thread.
 */
final class ProgressLines implements RecordingProgress {

    private final PrintStream err;
    private final boolean terminal;
    private int lastTenth = -1;

    ProgressLines(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void frameRecorded(int done, int total) {
        if (terminal) {
            err.printf(Locale.ROOT, "\rrecording %d/%d%s", done, total, done == total ? System.lineSeparator() : "");
            err.flush();
            return;
        }
        int tenth = done * 10 / total;
        if (tenth != lastTenth) {
            lastTenth = tenth;
            err.printf(Locale.ROOT, "recording %d/%d%n", done, total);
        }
    }
}
