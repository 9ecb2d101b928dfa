package org.topgif.renderer.screen;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How much of top a frame shows. {@code wide} is top's screen: five summary lines and top's columns.
 * {@code compact} is a frame narrow enough that a phone shows it without shrinking it: a three-line summary
 * (time and load, CPU, memory) and %CPU, %MEM and COMMAND.
 */
public enum Layout {
    WIDE(5, 40),
    COMPACT(3, 24);

    /**
     * A compact frame's width in pixels: 39 columns of 8 pixels, shown pixel for pixel in a message column of
     * 320 CSS pixels or more (no published figure says how wide Discord's phone clients show an image;
     * bench legibility measures 320, 360 and 390).
     */
    public static final int COMPACT_WIDTH = 320;

    private final int summaryLines;
    private final int minColumns;

    Layout(int summaryLines, int minColumns) {
        this.summaryLines = summaryLines;
        this.minColumns = minColumns;
    }

    /** The lines above the process rows: the summary, a blank line and the column titles. */
    public int linesAbove() {
        return summaryLines + 2;
    }

    /** Narrower than this and the summary loses its numbers. */
    public int minColumns() {
        return minColumns;
    }

    /** The frame width for this layout when the configured one is {@code configured} pixels. */
    public int frameWidth(int configured) {
        return this == COMPACT ? Math.min(configured, COMPACT_WIDTH) : configured;
    }

    /** The columns this layout shows, COMMAND last, when {@code fields} are the ones asked for. */
    List<Field> fields(Fields fields, int columns) {
        return this == COMPACT ? List.of(Field.CPU, Field.MEM, Field.COMMAND) : fields.within(columns);
    }

    /** "wide", "compact": how settings and options spell it. */
    public String userName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The layout named {@code text} (any case), if any. */
    public static Optional<Layout> parse(String text) {
        for (Layout layout : values()) {
            if (layout.userName().equalsIgnoreCase(text.trim())) {
                return Optional.of(layout);
            }
        }
        return Optional.empty();
    }

    /** The names, for messages that say what is accepted. */
    public static String choices() {
        return "wide or compact";
    }
}
