package org.topgif.renderer.gif;

import java.util.Objects;

/**
 * A picture as palette indices, row by row. The array is shared, not copied: whoever makes one hands it over
 * and no longer writes to it, so frames move from raster to encoder without copies.
 */
public record IndexedImage(int width, int height, byte[] pixels) {

    public IndexedImage {
        Objects.requireNonNull(pixels, "pixels");
        if (width < 1 || height < 1 || width > 65535 || height > 65535) {
            throw new IllegalArgumentException("GIF sizes are 1 to 65535 pixels: " + width + "x" + height);
        }
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels, got " + pixels.length);
        }
    }
}
