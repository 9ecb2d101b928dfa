package org.topgif.renderer.sample;

import java.nio.charset.StandardCharsets;

/** Turns the text of /proc/meminfo into top's memory figures. */
final class MeminfoParser {

    private MeminfoParser() {
    }

    static Memory parse(byte[] bytes, int length) {
        long total = 0;
        long free = 0;
        long available = -1;
        long buffers = 0;
        long cached = 0;
        long reclaimable = 0;
        long swapTotal = 0;
        long swapFree = 0;
        String text = new String(bytes, 0, length, StandardCharsets.US_ASCII);
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon);
            long kib = parseKiB(line.substring(colon + 1));
            switch (key) {
                case "MemTotal" -> total = kib;
                case "MemFree" -> free = kib;
                case "MemAvailable" -> available = kib;
                case "Buffers" -> buffers = kib;
                case "Cached" -> cached = kib;
                case "SReclaimable" -> reclaimable = kib;
                case "SwapTotal" -> swapTotal = kib;
                case "SwapFree" -> swapFree = kib;
                default -> { }
            }
        }
        long buffCache = buffers + cached + reclaimable;
        if (available < 0) {
            // Kernels before 3.14 lack MemAvailable; procps falls back to free plus caches.
            available = Math.min(total, free + buffCache);
        }
        return new Memory(total, free, total - available, buffCache, available,
                swapTotal, swapFree, swapTotal - swapFree);
    }

    private static long parseKiB(String value) {
        String digits = value.trim();
        int space = digits.indexOf(' ');
        if (space > 0) {
            digits = digits.substring(0, space);
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
