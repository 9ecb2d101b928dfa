package org.topgif.renderer.gif;

import java.util.Arrays;

/**
 * The global colour table: the colours an image uses, then one more index that frames use as "transparent,
 * keep what is there". Padded to the power of two the GIF format needs (2 to 256 entries). Immutable.
 */
public final class GifPalette {

    private final int[] rgb;
    private final int transparentIndex;
    private final int sizeBits;

    /** @param rgb colours as 0xRRGGBB; at most 255, since one index is kept for transparency */
    public GifPalette(int... rgb) {
        if (rgb.length < 1 || rgb.length > 255) {
            throw new IllegalArgumentException("a palette has 1 to 255 colours: " + rgb.length);
        }
        this.rgb = rgb.clone();
        this.transparentIndex = rgb.length;
        int bits = 1;
        while ((1 << bits) < rgb.length + 1) {
            bits++;
        }
        this.sizeBits = bits;
    }

    /** The colours, without the transparent entry. */
    public int[] colours() {
        return rgb.clone();
    }

    public int colourCount() {
        return rgb.length;
    }

    public int transparentIndex() {
        return transparentIndex;
    }

    /** log2 of the table's size, 1 to 8: the table has 2^sizeBits entries. */
    int sizeBits() {
        return sizeBits;
    }

    /** The table as written: red, green, blue per entry, padded with black. */
    byte[] tableBytes() {
        byte[] table = new byte[3 << sizeBits];
        for (int i = 0; i < rgb.length; i++) {
            table[3 * i] = (byte) (rgb[i] >> 16);
            table[3 * i + 1] = (byte) (rgb[i] >> 8);
            table[3 * i + 2] = (byte) rgb[i];
        }
        return table;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GifPalette palette && Arrays.equals(rgb, palette.rgb);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rgb);
    }
}
