package org.topgif.renderer.raster;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.topgif.renderer.gif.IndexedImage;
import org.topgif.renderer.screen.CellStyle;
import org.topgif.renderer.screen.Screen;
import org.topgif.renderer.screen.ScreenLine;
import org.topgif.renderer.screen.Span;

/**
 * Draws screens into frames of palette indices: each (character, style) is turned into a cell of indices
 * once, and a frame is those cells copied row by row, plus the progress pie in the top-right corner, which the
 * first line's text stops short of.
 * Not thread-safe: one per recording.
 */
public final class FrameRasterizer {

    /** The text size: DejaVu Sans Mono at 13 px makes 8x17 cells, so 550x350 holds 68 columns and 20 lines. */
    public static final float FONT_PIXELS = 13f;
    private static final int MARGIN = 2;
    /** Pixels between the first line's last character and the pie. */
    private static final int PIE_GAP = 2;
    private static final int ASCII = 128;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.nativeOrder());

    private final int width;
    private final int height;
    private final Theme theme;
    private final GlyphAtlas glyphs = new GlyphAtlas(FONT_PIXELS);
    private final byte[][] asciiCells = new byte[CellStyle.values().length * ASCII][];
    private final Map<Long, byte[]> cells = new HashMap<>();
    private final ProgressPie pie;
    private final int firstLineColumns;

    public FrameRasterizer(int width, int height, Theme theme) {
        this.width = width;
        this.height = height;
        this.theme = theme;
        // The disc stays within the first line's height, at its right end.
        int radius = Math.max(4, (glyphs.cellHeight() - 1) / 2);
        this.pie = new ProgressPie(width - MARGIN - radius - 1, MARGIN + radius, radius);
        int pieLeft = width - MARGIN - 2 * radius - 1;
        this.firstLineColumns = Math.max(0, Math.min(columns(), (pieLeft - PIE_GAP - MARGIN) / glyphs.cellWidth()));
    }

    /**
     * How many columns the first line may fill without touching the pie; a longer first line ends with
     * {@code …} in its last one.
     */
    public int firstLineColumns() {
        return firstLineColumns;
    }

    /** How many text columns fit across the frame. */
    public int columns() {
        return (width - 2 * MARGIN) / glyphs.cellWidth();
    }

    /** How tall a frame must be to show {@code textLines} lines. */
    public int heightFor(int textLines) {
        return 2 * MARGIN + textLines * glyphs.cellHeight();
    }

    /** The top pixel row of text line {@code line}. */
    int lineTop(int line) {
        return MARGIN + line * glyphs.cellHeight();
    }

    /** How many text lines fit down the frame. */
    public int lines() {
        return (height - 2 * MARGIN) / glyphs.cellHeight();
    }

    /**
     * Draws {@code screen} with the pie showing frame {@code frame} of {@code frames} (0-based).
     * Lines and columns beyond the frame are left out.
     */
    public IndexedImage draw(Screen screen, int frame, int frames) {
        byte[] pixels = new byte[width * height];
        if (Theme.BACKGROUND != 0) { // a new array is already all background
            Arrays.fill(pixels, Theme.BACKGROUND);
        }
        int cw = glyphs.cellWidth();
        int ch = glyphs.cellHeight();
        int maxColumns = columns();
        for (int row = 0; row < Math.min(screen.rows(), lines()); row++) {
            ScreenLine line = screen.lines().get(row);
            int top = MARGIN + row * ch;
            int column = 0;
            int lineColumns = row == 0 ? firstLineColumns : maxColumns;
            boolean cut = row == 0 && line.text().length() > lineColumns;
            int shown = cut ? lineColumns - 1 : lineColumns;
            for (Span span : line.spans()) {
                String text = span.text();
                for (int i = 0; i < text.length() && column < shown; i++, column++) {
                    blit(cell(text.charAt(i), span.style()), pixels, MARGIN + column * cw, top);
                }
                if (cut && column == shown && shown >= 0) {
                    blit(cell('…', span.style()), pixels, MARGIN + column * cw, top);
                    cut = false;
                }
            }
            // The column-title bar runs the full width, like top's reverse-video line.
            if (!line.spans().isEmpty() && line.spans().get(0).style() == CellStyle.COLUMN_HEADER) {
                byte[] blank = cell(' ', CellStyle.COLUMN_HEADER);
                for (; column < maxColumns; column++) {
                    blit(blank, pixels, MARGIN + column * cw, top);
                }
            }
        }
        pie.draw(pixels, width, frame + 1, frames);
        return new IndexedImage(width, height, pixels);
    }

    private byte[] cell(char c, CellStyle style) {
        if (c < ASCII) {
            // Nearly every cell of a screen is ASCII: an array lookup, not a boxed key into the map.
            int index = style.ordinal() * ASCII + c;
            byte[] cell = asciiCells[index];
            if (cell == null) {
                cell = drawCell(c, style);
                asciiCells[index] = cell;
            }
            return cell;
        }
        return cells.computeIfAbsent((long) c << 8 | style.ordinal(), key -> drawCell(c, style));
    }

    private byte[] drawCell(char c, CellStyle style) {
        boolean[] mask = glyphs.mask(c);
        byte ink = theme.foreground(style);
        byte paper = theme.background(style);
        byte[] cell = new byte[mask.length];
        for (int i = 0; i < mask.length; i++) {
            cell[i] = mask[i] ? ink : paper;
        }
        return cell;
    }

    private void blit(byte[] cell, byte[] pixels, int left, int top) {
        int cw = glyphs.cellWidth();
        int rows = Math.min(glyphs.cellHeight(), height - top);
        int columns = Math.min(cw, width - left);
        if (columns == Long.BYTES) {
            // The usual cell is 8 pixels wide: one word a row instead of a copy call, whose overhead is more
            // than copying 8 bytes, 17 rows for each of a frame's 1,360 cells.
            for (int y = 0; y < rows; y++) {
                LONGS.set(pixels, (top + y) * width + left, (long) LONGS.get(cell, y * Long.BYTES));
            }
            return;
        }
        for (int y = 0; y < rows; y++) {
            System.arraycopy(cell, y * cw, pixels, (top + y) * width + left, columns);
        }
    }
}
