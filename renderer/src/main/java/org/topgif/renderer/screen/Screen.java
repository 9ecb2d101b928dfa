package org.topgif.renderer.screen;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A top-like screen: a grid of {@code columns} by {@code lines.size()} styled cells; a line shorter than the
 * width is blank to its end. Immutable and thread-safe.
 */
public record Screen(int columns, List<ScreenLine> lines) {

    public Screen {
        lines = List.copyOf(lines);
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be positive: " + columns);
        }
        for (ScreenLine line : lines) {
            if (line.text().length() > columns) {
                throw new IllegalArgumentException("line wider than " + columns + " columns: " + line.text());
            }
        }
    }

    public int rows() {
        return lines.size();
    }

    /** The screen as plain text, one line per row, as {@code top -b} prints it. */
    public String text() {
        return lines.stream().map(ScreenLine::text).collect(Collectors.joining("\n", "", "\n"));
    }
}
