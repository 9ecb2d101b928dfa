package org.topgif.renderer.gif;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * What a frame must draw over the previous one: the smallest rectangle holding every changed pixel, with
 * the unchanged pixels inside it set to the transparent index, which long runs of LZW codes make nearly free.
 * Equal stretches are found with vectorised compares, since most of a screen does not change.
 *
 * <p>An unchanged stretch of at most {@link #OPAQUE_GAP} pixels between two changes in a row keeps its own
 * colour: a changed number then reads as plain text on background, which repeats in the LZW dictionary,
 * instead of ink speckled with transparency wherever the old and new digits happen to share pixels. On
 * recorded top screens this took 12 % off the frame differences (gaps of 16 to 32 did about as well; 4 or
 * 64 worse).
 *
 * @param pixels the rectangle's pixels, row-major, {@code width} by {@code height}
 */
record FrameDiff(int left, int top, int width, int height, byte[] pixels) {

    static final int OPAQUE_GAP = 24;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

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
            int first = Arrays.mismatch(before, row, row + w, after, row, row + w);
            if (first < 0) {
                continue;
            }
            if (top < 0) {
                top = y;
            }
            bottom = y;
            left = Math.min(left, first);
            right = Math.max(right, lastDifference(before, after, row, w, right + 1));
        }
        if (top < 0) {
            return new FrameDiff(0, 0, 1, 1, new byte[] {(byte) transparentIndex});
        }
        int width = right - left + 1;
        int height = bottom - top + 1;
        byte[] pixels = new byte[width * height];
        // Unchanged runs are copied from a transparent row rather than filled: the bot's JIT (C1, see
        // jvm/resident.options) fills byte by byte, while a copy is one vectorised stub. Most of a frame's
        // rectangle is such runs.
        byte[] transparentRow = new byte[width];
        Arrays.fill(transparentRow, (byte) transparentIndex);
        for (int y = 0; y < height; y++) {
            int source = (top + y) * w + left;
            int target = y * width;
            int x = 0;
            boolean changedBefore = false;
            while (x < width) {
                int same = Arrays.mismatch(before, source + x, source + width, after, source + x, source + width);
                int equalRun = same < 0 ? width - x : same;
                boolean between = changedBefore && same >= 0 && equalRun <= OPAQUE_GAP;
                if (between) {
                    System.arraycopy(after, source + x, pixels, target + x, equalRun);
                } else {
                    System.arraycopy(transparentRow, 0, pixels, target + x, equalRun);
                }
                x += equalRun;
                while (x < width && before[source + x] != after[source + x]) {
                    pixels[target + x] = after[source + x];
                    x++;
                    changedBefore = true;
                }
            }
        }
        return new FrameDiff(left, top, width, height, pixels);
    }

    /**
     * The last differing column of a row, or -1; columns below {@code atLeast} are not looked at, since the
     * rectangle already reaches them. Compares eight pixels at a time from the right.
     */
    private static int lastDifference(byte[] a, byte[] b, int row, int width, int atLeast) {
        int x = width;
        while (x - 8 >= atLeast) {
            long words = (long) LONGS.get(a, row + x - 8) ^ (long) LONGS.get(b, row + x - 8);
            if (words != 0) {
                return x - 1 - Long.numberOfLeadingZeros(words) / 8;
            }
            x -= 8;
        }
        while (--x >= atLeast) {
            if (a[row + x] != b[row + x]) {
                return x;
            }
        }
        return -1;
    }
}
