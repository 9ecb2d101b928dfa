package org.topgif.renderer.sample;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Parses the bytes of /proc/PID/stat and /proc/PID/statm without building intermediate strings. */
final class ProcStatParser {

    /** include/linux/sched.h: the task is a kernel thread, which has no memory map and no command line. */
    private static final long PF_KTHREAD = 0x00200000;

    private ProcStatParser() {
    }

    /**
     * Parses one stat line; empty when it is truncated or malformed.
     *
     * <p>The name (comm) may itself contain spaces and parentheses, so it ends at the last ')', not the first.
     */
    static Optional<ProcStat> parseStat(byte[] bytes, int length) {
        int open = indexOf(bytes, length, (byte) '(');
        int close = lastIndexOf(bytes, length, (byte) ')');
        if (open <= 0 || close < open || close + 2 >= length) {
            return Optional.empty();
        }
        FieldCursor fields = new FieldCursor(bytes, length, close + 2);
        char state = (char) bytes[close + 2];
        fields.skip(1);                  // state: field 3
        long parent = fields.nextLong(); // 4
        fields.skip(4);                  // pgrp … tpgid: fields 5 to 8
        long flags = fields.nextLong();  // 9
        fields.skip(4);                  // minflt … cmajflt
        long utime = fields.nextLong();  // 14
        long stime = fields.nextLong();  // 15
        fields.skip(2);                  // cutime, cstime
        long priority = fields.nextLong(); // 18
        long nice = fields.nextLong();   // 19
        long threads = fields.nextLong(); // 20
        fields.skip(1);                  // itrealvalue
        long start = fields.nextLong();  // 22
        if (fields.failed()) {
            return Optional.empty();
        }
        int pid = (int) new FieldCursor(bytes, open - 1, 0).nextLong();
        String name = PrintableText.of(new String(bytes, open + 1, close - open - 1, StandardCharsets.UTF_8));
        boolean kernelThread = (flags & PF_KTHREAD) != 0;
        return Optional.of(new ProcStat(pid, name, state, utime, stime, (int) priority, (int) nice, start,
                kernelThread, (int) parent, (int) threads));
    }

    /**
     * Parses the first three fields of /proc/PID/statm into {@code out}: size, resident and shared, in pages.
     *
     * @return false when the line is truncated or malformed
     */
    static boolean parseStatm(byte[] bytes, int length, long[] out) {
        FieldCursor fields = new FieldCursor(bytes, length, 0);
        for (int i = 0; i < 3; i++) {
            out[i] = fields.nextLong();
        }
        return !fields.failed();
    }

    /**
     * Parses the first line of /proc/stat, "cpu  user nice system idle iowait irq softirq steal …"; fields a
     * kernel does not report count as zero.
     */
    static CpuTicks parseCpuLine(byte[] bytes, int length) {
        int end = indexOf(bytes, length, (byte) '\n');
        if (length < 4 || bytes[0] != 'c' || bytes[1] != 'p' || bytes[2] != 'u' || bytes[3] != ' ') {
            return new CpuTicks(0, 0, 0, 0, 0, 0, 0, 0);
        }
        FieldCursor fields = new FieldCursor(bytes, end < 0 ? length : end, 4);
        long[] ticks = new long[8];
        for (int i = 0; i < ticks.length && !fields.atEnd(); i++) {
            ticks[i] = fields.nextLong();
        }
        return new CpuTicks(ticks[0], ticks[1], ticks[2], ticks[3], ticks[4], ticks[5], ticks[6], ticks[7]);
    }

    /**
     * The first {@code count} space-separated decimal numbers, as in /proc/uptime ("3600.12 7000.50") and
     * /proc/loadavg ("0.15 0.10 0.05 1/123 4567"); missing or malformed ones are 0.
     */
    static double[] parseDecimals(byte[] bytes, int length, int count) {
        double[] values = new double[count];
        int position = 0;
        for (int i = 0; i < count; i++) {
            while (position < length && bytes[position] == ' ') {
                position++;
            }
            int start = position;
            while (position < length && bytes[position] != ' ' && bytes[position] != '\n') {
                position++;
            }
            try {
                values[i] = Double.parseDouble(new String(bytes, start, position - start, StandardCharsets.US_ASCII));
            } catch (NumberFormatException malformed) {
                values[i] = 0;
            }
        }
        return values;
    }

    private static int indexOf(byte[] bytes, int length, byte wanted) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, int length, byte wanted) {
        for (int i = length - 1; i >= 0; i--) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Walks space-separated decimal fields; remembers whether any was missing or not a number. */
    private static final class FieldCursor {
        private final byte[] bytes;
        private final int length;
        private int position;
        private boolean failed;

        FieldCursor(byte[] bytes, int length, int position) {
            this.bytes = bytes;
            this.length = length;
            this.position = position;
        }

        void skip(int count) {
            for (int i = 0; i < count; i++) {
                skipSpaces();
                if (position >= length) {
                    failed = true;
                    return;
                }
                while (position < length && !isSpace(bytes[position])) {
                    position++;
                }
            }
        }

        long nextLong() {
            skipSpaces();
            boolean negative = position < length && bytes[position] == '-';
            if (negative) {
                position++;
            }
            int start = position;
            long value = 0;
            while (position < length && bytes[position] >= '0' && bytes[position] <= '9') {
                value = value * 10 + (bytes[position++] - '0');
            }
            if (position == start || (position < length && !isSpace(bytes[position]))) {
                failed = true;
            }
            return negative ? -value : value;
        }

        boolean failed() {
            return failed;
        }

        boolean atEnd() {
            skipSpaces();
            return position >= length;
        }

        private void skipSpaces() {
            while (position < length && isSpace(bytes[position])) {
                position++;
            }
        }

        private static boolean isSpace(byte b) {
            return b == ' ' || b == '\n' || b == '\t';
        }
    }
}
