package org.topgif.renderer.screen;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.topgif.renderer.sample.ProcessRow;

/** The orders the process rows can be shown in; ties go to the lower pid, as in top. */
public enum SortKey {
    CPU(Comparator.comparingDouble(ProcessRow::cpuPercent).reversed()),
    MEM(Comparator.comparingLong(ProcessRow::resKiB).reversed()),
    TIME(Comparator.comparingLong(ProcessRow::cpuTimeCentis).reversed()),
    PID(Comparator.comparingInt(ProcessRow::pid));

    private final Comparator<ProcessRow> order;

    SortKey(Comparator<ProcessRow> primary) {
        this.order = primary.thenComparingInt(ProcessRow::pid);
    }

    Comparator<ProcessRow> order() {
        return order;
    }

    /** The name users type: cpu, mem, time or pid. */
    public String userName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses what a user typed, ignoring case. */
    public static Optional<SortKey> parse(String text) {
        return Arrays.stream(values()).filter(key -> key.userName().equalsIgnoreCase(text.trim())).findFirst();
    }

    /** The accepted names, for error messages: "cpu, mem, time or pid". */
    public static String choices() {
        String all = Arrays.stream(values()).map(SortKey::userName).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
