package org.topgif.renderer.gif;

import java.util.Arrays;

/**
 * What a frame must draw over the previous one: the smallest rectangle holding every changed pixel, with
 * the unchanged pixels inside it set to the transparent index, which long runs of LZW codes make nearly free.
 *
 * @param pixels the rectangle's pixels, row-major, {@code width} by {@code height}
 */
record FrameDiff(int left, int top, int width, int height, byte[] pixels) {

    /** The change from {@code previous} to {@code current}; a 1x1 transparent rectangle when nothing changed. */
    static FrameDiff between(IndexedImage previous, IndexedImage current, int transparentIndex) {
        int w = current.width();
        int h = current.height();
        byte[] before = previous.pixels();
        byte[] after = current.pixels();
        int top = -1;
        int bottom = -1;
        int left = w;
        int right = -1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int first = firstDifference(before, after, row, w);
            if (first < 0) {
                continue;
            }
            if (top < 0) {
                top = y;
            }
            bottom = y;
            left = Math.min(left, first);
            right = Math.max(right, lastDifference(before, after, row, w));
        }
        if (top < 0) {
            return new FrameDiff(0, 0, 1, 1, new byte[] {(byte) transparentIndex});
        }
        int width = right - left + 1;
        int height = bottom - top + 1;
        byte[] pixels = new byte[width * height];
        byte transparent = (byte) transparentIndex;
        for (int y = 0; y < height; y++) {
            int source = (top + y) * w + left;
            int target = y * width;
            for (int x = 0; x < width; x++) {
                byte now = after[source + x];
                pixels[target + x] = now == before[source + x] ? transparent : now;
            }
        }
        return new FrameDiff(left, top, width, height, pixels);
    }

    private static int firstDifference(byte[] a, byte[] b, int row, int width) {
        return Arrays.mismatch(a, row, row + width, b, row, row + width);
    }

    private static int lastDifference(byte[] a, byte[] b, int row, int width) {
        for (int x = width - 1; x >= 0; x--) {
            if (a[row + x] != b[row + x]) {
                return x;
            }
        }
        return -1;
    }
}
