package org.topgif.renderer.screen;

import java.util.Objects;

/**
 * What to show: order, filter, how many process rows, how wide, and whether to show full command lines.
 * Immutable; the constructor rejects values no screen can honour.
 *
 * @param filter case-insensitive substring of a process's name, command line or user; empty shows all
 */
public record ScreenOptions(SortKey sort, String filter, int rows, int columns, boolean fullCommands) {

    /** Narrower than this and top's summary lines lose their numbers. */
    public static final int MIN_COLUMNS = 40;
    public static final int MAX_COLUMNS = 512;
    public static final int MAX_ROWS = 1000;
    /** The longest filter: enough for any process name or word of a command line. */
    public static final int MAX_FILTER_LENGTH = 100;

    public ScreenOptions {
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(filter, "filter");
        if (filter.length() > MAX_FILTER_LENGTH) {
            throw new IllegalArgumentException("filter can be at most " + MAX_FILTER_LENGTH + " characters");
        }
        if (rows < 0 || rows > MAX_ROWS) {
            throw new IllegalArgumentException("rows must be from 0 to " + MAX_ROWS + ": " + rows);
        }
        if (columns < MIN_COLUMNS || columns > MAX_COLUMNS) {
            throw new IllegalArgumentException(
                    "columns must be from " + MIN_COLUMNS + " to " + MAX_COLUMNS + ": " + columns);
        }
    }

    /** What {@code top -b -c} shows in a terminal of 80 columns, with 20 processes. */
    public static ScreenOptions defaults() {
        return new ScreenOptions(SortKey.CPU, "", 20, 80, true);
    }

    public ScreenOptions withRows(int newRows) {
        return new ScreenOptions(sort, filter, newRows, columns, fullCommands);
    }

    public ScreenOptions withSort(SortKey newSort) {
        return new ScreenOptions(newSort, filter, rows, columns, fullCommands);
    }

    public ScreenOptions withFilter(String newFilter) {
        return new ScreenOptions(sort, newFilter, rows, columns, fullCommands);
    }

    public ScreenOptions withColumns(int newColumns) {
        return new ScreenOptions(sort, filter, rows, newColumns, fullCommands);
    }
}
