package org.topgif.renderer.raster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.topgif.renderer.gif.IndexedImage;
import org.topgif.renderer.screen.CellStyle;
import org.topgif.renderer.screen.Screen;
import org.topgif.renderer.screen.ScreenLine;

class FrameRasterizerTest {

    private static int count(IndexedImage image, byte index, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (image.pixels()[y * image.width() + x] == index) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void fitsEightyColumnsAndSeventeenLinesInTheDefaultFrame() {
        // reference.conf tells operators what the default 650x300 shows: 80 columns, 7 summary lines and 10 rows.
        FrameRasterizer rasterizer = new FrameRasterizer(650, 300, Theme.DARK);
        assertEquals(80, rasterizer.columns());
        assertEquals(17, rasterizer.lines());
    }

    @Test
    void drawsEachStyleInItsThemeColourWithoutAntiAliasing() {
        FrameRasterizer rasterizer = new FrameRasterizer(400, 120, Theme.DARK);
        Screen screen = new Screen(48, List.of(
                ScreenLine.of("HEADER LINE", CellStyle.HEADER),
                ScreenLine.of("PID USER", CellStyle.COLUMN_HEADER),
                ScreenLine.of("hog process", CellStyle.HOG),
                ScreenLine.of("idle process", CellStyle.DIM)));
        IndexedImage frame = rasterizer.draw(screen, 0, 4);
        assertEquals(400 * 120, frame.pixels().length);
        for (byte index : frame.pixels()) {
            assertTrue(index >= 0 && index < Theme.DARK.palette().colourCount(), "only theme colours: " + index);
        }
        int[] top = {rasterizer.lineTop(0), rasterizer.lineTop(1), rasterizer.lineTop(2), rasterizer.lineTop(3),
            rasterizer.lineTop(4)};
        assertTrue(count(frame, Theme.TEXT, 0, top[0], 200, top[1]) > 30, "header text is drawn");
        assertTrue(count(frame, Theme.TEXT, 0, top[1], 200, top[2]) > 1000, "the column titles sit on a light bar");
        assertTrue(count(frame, Theme.ACCENT, 0, top[2], 200, top[3]) > 30, "hog rows are highlighted");
        assertEquals(0, count(frame, Theme.ACCENT, 0, 0, 200, top[2]), "rows above the hog are not highlighted");
        assertEquals(0, count(frame, Theme.ACCENT, 0, top[3], 200, top[4]), "rows below it are not highlighted");
        assertTrue(count(frame, Theme.TEXT, 0, top[3], 200, top[4]) > 30, "idle rows are drawn too");
    }

    @Test
    void thePieFillsAsFramesAreShown() {
        FrameRasterizer rasterizer = new FrameRasterizer(400, 120, Theme.LIGHT);
        Screen empty = new Screen(48, List.of());
        int quarter = count(rasterizer.draw(empty, 2, 12), Theme.ACCENT, 300, 0, 400, 40);
        int half = count(rasterizer.draw(empty, 5, 12), Theme.ACCENT, 300, 0, 400, 40);
        int full = count(rasterizer.draw(empty, 11, 12), Theme.ACCENT, 300, 0, 400, 40);
        int disc = count(rasterizer.draw(empty, 11, 12), Theme.ACCENT, 300, 0, 400, 40)
                + count(rasterizer.draw(empty, 11, 12), Theme.TEXT, 300, 0, 400, 40);
        assertTrue(quarter > 0 && quarter < half && half < full, quarter + " < " + half + " < " + full);
        assertEquals(disc, full, "the last frame fills the whole disc");
        assertEquals(full / 2.0, half, full * 0.1, "half the frames, half the disc");
    }

    @Test
    void theFirstLineStopsShortOfThePieAndEndsWithAnEllipsisWhenCut() {
        FrameRasterizer rasterizer = new FrameRasterizer(550, 350, Theme.DARK);
        int limit = rasterizer.firstLineColumns();
        assertTrue(limit > 0 && limit < rasterizer.columns(), "room for the pie: " + limit);
        int columns = rasterizer.columns();
        Screen long1 = new Screen(columns, List.of(ScreenLine.of("X".repeat(columns), CellStyle.HEADER)));
        Screen cutByHand = new Screen(columns, List.of(ScreenLine.of("X".repeat(limit - 1) + "…", CellStyle.HEADER)));
        Screen noText = new Screen(columns, List.of());
        for (int frame = 0; frame < 4; frame++) {
            IndexedImage drawn = rasterizer.draw(long1, frame, 4);
            assertArrayEquals(rasterizer.draw(cutByHand, frame, 4).pixels(), drawn.pixels(), "cut with …");
            // From the end of the first line's text to the frame's edge, only the pie: as with no text at all.
            int cellWidth = (550 - 4) / columns;
            IndexedImage bare = rasterizer.draw(noText, frame, 4);
            for (int y = 0; y < rasterizer.lineTop(1); y++) {
                for (int x = 2 + limit * cellWidth; x < 550; x++) {
                    assertEquals(bare.pixels()[y * 550 + x], drawn.pixels()[y * 550 + x], "x " + x + ", y " + y);
                }
            }
        }
        // The pie stays within the first line.
        IndexedImage full = rasterizer.draw(noText, 3, 4);
        assertEquals(0, count(full, Theme.ACCENT, 0, rasterizer.lineTop(1), 550, 350), "nothing below the first line");
    }

    @Test
    void themesDifferInColoursNotLayout() {
        assertNotEquals(Theme.DARK.palette(), Theme.LIGHT.palette());
        assertTrue(Theme.DARK.palette().colourCount() + 1 <= 4, "a theme and its transparent index fit 2 bits");
    }
}
