package org.topgif.renderer.screen;

import java.util.Objects;

/**
 * What to show: order, filter, how many process rows, how wide, whether to show full command lines, which
 * columns, and whether a recording's rows stay put. Immutable; the constructor rejects values no screen can
 * honour.
 *
 * @param filter       case-insensitive substring of a process's name, command line or user; empty shows all
 * @param fullCommands the command line (top -c), from the program's base name; false shows the program's name
 * @param fields       the columns, as top's field screen names them; COMMAND last
 * @param order        whether a recording keeps its rows in place or sorts each frame
 * @param layout       top's whole screen, or the compact one a phone shows unshrunk
 */
public record ScreenOptions(SortKey sort, String filter, int rows, int columns, boolean fullCommands,
                            Fields fields, RowOrder order, Layout layout) {

    /** Narrower than this and top's summary lines lose their numbers; a compact screen may be narrower. */
    public static final int MIN_COLUMNS = Layout.WIDE.minColumns();
    public static final int MAX_COLUMNS = 512;
    public static final int MAX_ROWS = 1000;
    /** The longest filter: enough for any process name or word of a command line. */
    public static final int MAX_FILTER_LENGTH = 100;

    public ScreenOptions {
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(layout, "layout");
        if (filter.length() > MAX_FILTER_LENGTH) {
            throw new IllegalArgumentException("filter can be at most " + MAX_FILTER_LENGTH + " characters");
        }
        if (rows < 0 || rows > MAX_ROWS) {
            throw new IllegalArgumentException("rows must be from 0 to " + MAX_ROWS + ": " + rows);
        }
        if (columns < layout.minColumns() || columns > MAX_COLUMNS) {
            throw new IllegalArgumentException(
                    "columns must be from " + layout.minColumns() + " to " + MAX_COLUMNS + ": " + columns);
        }
    }

    /** Top's whole screen. */
    public ScreenOptions(SortKey sort, String filter, int rows, int columns, boolean fullCommands, Fields fields,
                         RowOrder order) {
        this(sort, filter, rows, columns, fullCommands, fields, order, Layout.WIDE);
    }

    /** Top's default fields, fitted to the line, and program names, steady rows. */
    public ScreenOptions(SortKey sort, String filter, int rows, int columns, boolean fullCommands) {
        this(sort, filter, rows, columns, fullCommands, Fields.TOP, RowOrder.STEADY, Layout.WIDE);
    }

    /** What {@code top -b} shows in a terminal of 80 columns, with 20 processes, its rows kept in place. */
    public static ScreenOptions defaults() {
        return new ScreenOptions(SortKey.CPU, "", 20, 80, false);
    }

    public ScreenOptions withRows(int newRows) {
        return new ScreenOptions(sort, filter, newRows, columns, fullCommands, fields, order, layout);
    }

    public ScreenOptions withSort(SortKey newSort) {
        return new ScreenOptions(newSort, filter, rows, columns, fullCommands, fields, order, layout);
    }

    public ScreenOptions withFilter(String newFilter) {
        return new ScreenOptions(sort, newFilter, rows, columns, fullCommands, fields, order, layout);
    }

    public ScreenOptions withColumns(int newColumns) {
        return new ScreenOptions(sort, filter, rows, newColumns, fullCommands, fields, order, layout);
    }

    public ScreenOptions withFullCommands(boolean newFullCommands) {
        return new ScreenOptions(sort, filter, rows, columns, newFullCommands, fields, order, layout);
    }

    public ScreenOptions withFields(Fields newFields) {
        return new ScreenOptions(sort, filter, rows, columns, fullCommands, newFields, order, layout);
    }

    public ScreenOptions withOrder(RowOrder newOrder) {
        return new ScreenOptions(sort, filter, rows, columns, fullCommands, fields, newOrder, layout);
    }

    public ScreenOptions withLayout(Layout newLayout) {
        return new ScreenOptions(sort, filter, rows, columns, fullCommands, fields, order, newLayout);
    }
}
