package org.topgif.renderer.screen;

import java.time.Duration;
import java.util.Locale;

/** Formats numbers the way top prints them, so a screen reads like the tool people know. */
public final class TopFormats {

    private static final char[] UNITS = {'m', 'g', 't', 'p', 'e'};

    private TopFormats() {
    }

    /** "25 min", " 1:02", "3 days,  1:02": procps's uptime wording. */
    static String uptime(Duration uptime) {
        long minutesTotal = uptime.toMinutes();
        long days = minutesTotal / (24 * 60);
        long hours = minutesTotal / 60 % 24;
        long minutes = minutesTotal % 60;
        StringBuilder text = new StringBuilder();
        if (days > 0) {
            text.append(days).append(days == 1 ? " day, " : " days, ");
        }
        if (hours > 0) {
            text.append(new TextLine().right(hours, 2).text(':').twoDigits(minutes));
        } else {
            text.append(minutes).append(" min");
        }
        return text.toString();
    }

    /** A KiB figure in at most {@code width} characters: plain KiB if it fits, else m, g, t with a decimal. */
    static String memory(long kib, int width) {
        String plain = Long.toString(kib);
        if (plain.length() <= width) {
            return pad(plain, width);
        }
        double value = kib;
        for (char unit : UNITS) {
            value /= 1024;
            String decimal = String.format(Locale.ROOT, "%.1f%c", value, unit);
            if (decimal.length() <= width) {
                return pad(decimal, width);
            }
            String whole = String.format(Locale.ROOT, "%d%c", Math.round(value), unit);
            if (whole.length() <= width) {
                return pad(whole, width);
            }
        }
        return "+".repeat(width);
    }

    /** TIME+: minutes:seconds.hundredths, or hours:minutes when that is too wide for 9 characters. */
    static String cpuTime(long centis) {
        long seconds = centis / 100;
        String precise = new TextLine().text(Long.toString(seconds / 60)).text(':').twoDigits(seconds % 60)
                .text('.').twoDigits(centis % 100).toString();
        if (precise.length() <= 9) {
            return pad(precise, 9);
        }
        return pad(new TextLine().text(Long.toString(seconds / 3600)).text(':').twoDigits(seconds / 60 % 60)
                .toString(), 9);
    }

    /** PR as top shows it: "rt" for real-time priorities. */
    static String priority(int priority) {
        return priority <= -100 ? " rt" : pad(Integer.toString(priority), 3);
    }

    /** Left-aligned in {@code width}; a longer text ends in '+' as top marks a truncated field. */
    static String leftFit(String text, int width) {
        if (text.length() > width) {
            return text.substring(0, width - 1) + "+";
        }
        return text + " ".repeat(width - text.length());
    }

    /** Cut to {@code width} with an ellipsis when longer: the one rule for text that does not fit, anywhere. */
    public static String ellipsize(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        if (width <= 0) {
            return "";
        }
        return text.substring(0, width - 1) + "…";
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }
}
