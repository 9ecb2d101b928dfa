package org.topgif.bot.post;

import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;

import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.SystemSample;

/**
 * The one line that goes with a GIF, as the message and as the attachment's alt text: host, load, and the
 * three busiest processes. Command lines are never in it, only process names, and those (like the host's
 * name) are escaped so that they show as text, never as markdown or mentions.
 */
public final class TopSummary {

    /** Discord's limit for an attachment's description. */
    static final int MAX_LENGTH = 1024;

    private TopSummary() {
    }

    public static String of(String host, SystemSample last) {
        return line(ChatText.escape(host), last);
    }

    /** The line for a scheduled post: "db-1 · 14:00 UTC · load …", naming the slot it shows (our own text). */
    public static String at(String host, String slot, SystemSample last) {
        return line(ChatText.escape(host) + " · " + slot, last);
    }

    private static String line(String escapedHead, SystemSample last) {
        String busiest = last.processes().stream()
                .sorted(Comparator.comparingDouble(ProcessRow::cpuPercent).reversed()
                        .thenComparingInt(ProcessRow::pid))
                .limit(3)
                .map(row -> String.format(Locale.ROOT, "%s %.1f%%", ChatText.escape(row.name()), row.cpuPercent()))
                .collect(Collectors.joining(", "));
        String line = String.format(Locale.ROOT, "%s · load %.2f %.2f %.2f · top: %s", escapedHead,
                last.load().oneMinute(), last.load().fiveMinutes(), last.load().fifteenMinutes(), busiest);
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
    }
}
