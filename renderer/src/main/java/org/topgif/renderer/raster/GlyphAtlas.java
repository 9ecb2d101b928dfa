package org.topgif.renderer.raster;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The bundled DejaVu Sans Mono, drawn once per character at one size without anti-aliasing, as masks a cell
 * wide and a line tall. Immutable after construction apart from its cache; not thread-safe: one per frame
 * rasterizer.
 */
final class GlyphAtlas {

    private static final String FONT = "DejaVuSansMono.ttf";

    private final Font font;
    private final int cellWidth;
    private final int cellHeight;
    private final int ascent;
    private final Map<Character, boolean[]> masks = new HashMap<>();

    GlyphAtlas(float pixelSize) {
        this.font = load().deriveFont(pixelSize);
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = scratch.createGraphics();
        FontMetrics metrics = graphics.getFontMetrics(font);
        this.cellWidth = Math.max(1, Math.round((float) font.getStringBounds("M", graphics.getFontRenderContext())
                .getWidth()));
        this.ascent = metrics.getAscent();
        this.cellHeight = metrics.getAscent() + metrics.getDescent();
        graphics.dispose();
    }

    int cellWidth() {
        return cellWidth;
    }

    int cellHeight() {
        return cellHeight;
    }

    /** Which pixels of the cell are ink, row-major, cellWidth by cellHeight. */
    boolean[] mask(char c) {
        return masks.computeIfAbsent(c, this::draw);
    }

    private boolean[] draw(char c) {
        BufferedImage image = new BufferedImage(cellWidth, cellHeight, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
        graphics.setFont(font);
        graphics.setColor(java.awt.Color.WHITE);
        graphics.drawString(String.valueOf(c), 0, ascent);
        graphics.dispose();
        boolean[] mask = new boolean[cellWidth * cellHeight];
        var raster = image.getRaster();
        for (int y = 0; y < cellHeight; y++) {
            for (int x = 0; x < cellWidth; x++) {
                mask[y * cellWidth + x] = raster.getSample(x, y, 0) > 127;
            }
        }
        return mask;
    }

    private static Font load() {
        try (InputStream in = GlyphAtlas.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException(FONT + " is missing from the jar");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(FONT + " is not a TrueType font", e);
        }
    }
}
