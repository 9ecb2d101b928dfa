package org.topgif.renderer.raster;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.topgif.renderer.gif.GifPalette;
import org.topgif.renderer.screen.CellStyle;

/**
 * The colours of a frame. Few on purpose: with the transparent index a theme fits in a 3-bit palette, and
 * flat colours without anti-aliasing halve the GIF's size against smoothed text.
 */
public enum Theme {
    /** Readable on Discord's dark background. */
    DARK(0x1E1F22, 0xDBDEE1, 0x80848E, 0xF23F43, 0x23A55A, 0x00A8FC),
    /** For light mode. */
    LIGHT(0xFFFFFF, 0x1E1F22, 0x80848E, 0xDA373C, 0x23A55A, 0x005FCC);

    // Palette indices, the same in every theme.
    static final byte BACKGROUND = 0;
    static final byte TEXT = 1;
    static final byte DIM = 2;
    static final byte HOG = 3;
    static final byte PIE_SLICE = 4;
    static final byte HEADER = 5;

    private final GifPalette palette;

    Theme(int... rgb) {
        this.palette = new GifPalette(rgb);
    }

    public GifPalette palette() {
        return palette;
    }

    /** Foreground index for a cell style. */
    byte foreground(CellStyle style) {
        return switch (style) {
            case HEADER -> HEADER;
            case COLUMN_HEADER -> BACKGROUND;
            case NORMAL -> TEXT;
            case HOG -> HOG;
            case DIM -> DIM;
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
