package org.topgif.renderer.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TextLineTest {

    @Test
    void decimalsMatchPrintfForTheValuesTopShows() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            double value = switch (i % 4) {
                case 0 -> random.nextDouble() * 100;          // %CPU, %MEM
                case 1 -> random.nextInt(1000) / 10.0 + 0.05; // exactly between two tenths, as far as doubles go
                case 2 -> random.nextDouble() * 1_000_000;    // MiB
                default -> random.nextDouble() * 20;          // load averages
            };
            assertEquals(String.format(Locale.ROOT, "%5.1f", value), new TextLine().decimal(value, 1, 5).toString(),
                    "value " + value);
            assertEquals(String.format(Locale.ROOT, "%.2f", value), TextLine.decimal(value, 2), "value " + value);
        }
    }

    @Test
    void alignsLikePrintf() {
        assertEquals(String.format(Locale.ROOT, "%7d|%-3s|%02d", 42, "ab", 7),
                new TextLine().right(42, 7).text('|').text("ab ").text('|').twoDigits(7).toString());
        assertEquals("100.0", new TextLine().decimal(100.0, 1, 5).toString());
        assertEquals("  0.0", new TextLine().decimal(0.04, 1, 5).toString());
    }
}
