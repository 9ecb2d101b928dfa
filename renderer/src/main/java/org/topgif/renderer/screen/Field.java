package org.topgif.renderer.screen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import org.topgif.renderer.sample.ProcessRow;

/**
 * A column of the process table, as top's field screen ({@code f}) names it, with top's width and format.
 * COMMAND takes what is left of the line, so it is always the last column.
 */
public enum Field {
    PID("PID", 7, (row, line) -> line.right(row.pid(), 7)),
    PPID("PPID", 7, (row, line) -> line.right(row.parentPid(), 7)),
    USER("USER", -8, (row, line) -> line.text(TopFormats.leftFit(row.user(), 8))),
    PR("PR", 3, (row, line) -> line.text(TopFormats.priority(row.priority()))),
    NI("NI", 3, (row, line) -> line.right(row.nice(), 3)),
    VIRT("VIRT", 7, (row, line) -> line.text(TopFormats.memory(row.virtKiB(), 7))),
    RES("RES", 6, (row, line) -> line.text(TopFormats.memory(row.resKiB(), 6))),
    SHR("SHR", 6, (row, line) -> line.text(TopFormats.memory(row.shrKiB(), 6))),
    S("S", 1, (row, line) -> line.text(row.state())),
    CPU("%CPU", 5, (row, line) -> line.decimal(row.cpuPercent(), 1, 5)),
    MEM("%MEM", 5, (row, line) -> line.decimal(row.memPercent(), 1, 5)),
    TIME_PLUS("TIME+", 9, (row, line) -> line.text(TopFormats.cpuTime(row.cpuTimeCentis()))),
    THREADS("nTH", 3, (row, line) -> line.right(row.threads(), 3)),
    COMMAND("COMMAND", 0, (row, line) -> { });

    /** What top shows by default, and so does topgif. */
    public static final List<Field> TOP_DEFAULT = List.of(PID, USER, PR, NI, VIRT, RES, SHR, S, CPU, MEM, TIME_PLUS,
            COMMAND);

    private final String title;
    /** Characters the column takes; negative for a left-aligned one. */
    private final int width;
    private final BiConsumer<ProcessRow, TextLine> writer;

    Field(String title, int width, BiConsumer<ProcessRow, TextLine> writer) {
        this.title = title;
        this.width = width;
        this.writer = writer;
    }

    /** The name top's field screen and topgif's settings use: PID, %CPU, TIME+, nTH … */
    public String title() {
        return title;
    }

    /** Writes this column of {@code row}, {@link #width()} characters (COMMAND: none, the caller fills it). */
    void write(ProcessRow row, TextLine line) {
        writer.accept(row, line);
    }

    void writeTitle(TextLine line) {
        if (width < 0) {
            line.text(title).text(" ".repeat(-width - title.length()));
        } else {
            line.right(title, width);
        }
    }

    /** Characters the column takes before the blank that follows it. */
    int width() {
        return Math.abs(width);
    }

    /**
     * Parses a list of field names such as "PID,USER,%CPU,COMMAND" (commas or blanks, any case; THREADS is
     * nTH): COMMAND is moved to the end, or added there.
     *
     * @return the fields, or why the text is not a list of them
     */
    public static Parsed parse(String text) {
        List<Field> fields = new ArrayList<>();
        for (String name : text.trim().split("[,\\s]+")) {
            if (name.isEmpty()) {
                continue;
            }
            Optional<Field> field = named(name);
            if (field.isEmpty()) {
                return new Parsed(List.of(), Optional.of("unknown field " + name + "; fields are " + choices()));
            }
            if (fields.contains(field.get())) {
                return new Parsed(List.of(), Optional.of("field " + name + " is given twice"));
            }
            fields.add(field.get());
        }
        fields.remove(COMMAND);
        if (fields.isEmpty()) {
            return new Parsed(List.of(), Optional.of("no fields; fields are " + choices()));
        }
        fields.add(COMMAND);
        return new Parsed(List.copyOf(fields), Optional.empty());
    }

    /** A parse's outcome: the fields, or the problem. */
    public record Parsed(List<Field> fields, Optional<String> problem) {
    }

    /** "PID, PPID, USER, …", for messages. */
    public static String choices() {
        return Arrays.stream(values()).map(Field::title).collect(Collectors.joining(", "));
    }

    /** The list as the settings write it: "PID,USER,…,COMMAND". */
    public static String format(List<Field> fields) {
        return fields.stream().map(Field::title).collect(Collectors.joining(","));
    }

    private static Optional<Field> named(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.equals("THREADS")) {
            return Optional.of(THREADS);
        }
        return Arrays.stream(values()).filter(field -> field.title.toUpperCase(Locale.ROOT).equals(upper)).findFirst();
    }
}
