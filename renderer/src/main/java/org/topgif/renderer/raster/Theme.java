package org.topgif.renderer.raster;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.topgif.renderer.gif.GifPalette;
import org.topgif.renderer.screen.CellStyle;

/**
 * The colours of a frame: background, text and one accent, for hog rows and the progress pie's slice.
 * Three on purpose: with the transparent index they fill a 2-bit palette, the smallest LZW codes a GIF
 * has, and flat colours without anti-aliasing halve the GIF against smoothed text. Against six colours
 * (dim rows, a header colour, a green pie) this made recorded GIFs 15 % smaller. A fourth, grey, is only in
 * {@link #mutedPalette()}, for screens that grey out what stopped reporting.
 */
public enum Theme {
    /** Readable on Discord's dark background. */
    DARK(0x1E1F22, 0xDBDEE1, 0xF0B232, 0x6D6F78),
    /** For light mode. */
    LIGHT(0xFFFFFF, 0x1E1F22, 0xC74A00, 0x9A9CA3);

    // Palette indices, the same in every theme.
    static final byte BACKGROUND = 0;
    static final byte TEXT = 1;
    static final byte ACCENT = 2;
    static final byte MUTED = 3;

    private final GifPalette palette;
    private final GifPalette mutedPalette;

    Theme(int background, int text, int accent, int muted) {
        this.palette = new GifPalette(background, text, accent);
        this.mutedPalette = new GifPalette(background, text, accent, muted);
    }

    /** The three colours of every screen but one with {@link CellStyle#MUTED} cells. */
    public GifPalette palette() {
        return palette;
    }

    /** The same and grey, for screens with {@link CellStyle#MUTED} cells: one more bit per pixel code. */
    public GifPalette mutedPalette() {
        return mutedPalette;
    }

    /** Foreground index for a cell style. */
    byte foreground(CellStyle style) {
        return switch (style) {
            case HEADER, NORMAL, DIM -> TEXT;
            case COLUMN_HEADER -> BACKGROUND;
            case HOG -> ACCENT;
            case MUTED -> MUTED;
        };
    }

    /** Background index for a cell style: the column titles are a bar, as in top. */
    byte background(CellStyle style) {
        return style == CellStyle.COLUMN_HEADER ? TEXT : BACKGROUND;
    }

    public String userName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Theme> parse(String text) {
        return Arrays.stream(values()).filter(theme -> theme.userName().equalsIgnoreCase(text.trim())).findFirst();
    }

    /** "dark or light", for error messages. */
    public static String choices() {
        return Arrays.stream(values()).map(Theme::userName).collect(Collectors.joining(" or "));
    }
}
