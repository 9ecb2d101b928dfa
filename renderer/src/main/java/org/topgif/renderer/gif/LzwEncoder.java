package org.topgif.renderer.gif;

import java.io.ByteArrayOutputStream;

/**
 * GIF's variable-length-code LZW (GIF89a spec, section 22 and appendix F), written as the image data block:
 * the minimum code size byte, then the codes packed least significant bit first into sub-blocks of at most
 * 255 bytes, then a zero-length block.
 *
 * <p>Ours rather than Commons Imaging's, whose compressor ran at about 10 MB/s here (19.5 ms per 650x300
 * frame) against a budget of a tenth of javax.imageio's 1.66 ms: the dictionary here is a flat array
 * indexed by (prefix code, pixel), which for the few colours of a text screen stays in the CPU's cache.
 * Not thread-safe: one encoder per GIF, reused for each of its frames.
 */
final class LzwEncoder {

    private static final int MAX_CODES = 4096;

    private final int minCodeSize;
    private final int clearCode;
    private final int pixelBits;
    /** Code of the string (prefix code, pixel), at index prefix << pixelBits | pixel; 0 means absent. */
    private final short[] table;
    /** Indexes set since the last clear, so a clear costs what was used, not the whole table. */
    private final int[] used = new int[MAX_CODES];
    private int usedCount;

    private final byte[] block = new byte[256];
    private int blockLength;
    private long bitBuffer;
    private int bitCount;
    private int codeSize;
    private int maxCode;
    private int nextCode;

    /** @param minCodeSize bits per pixel index, 2 to 8 (the spec's minimum is 2, even for two colours) */
    LzwEncoder(int minCodeSize) {
        if (minCodeSize < 2 || minCodeSize > 8) {
            throw new IllegalArgumentException("minimum code size must be 2 to 8: " + minCodeSize);
        }
        this.minCodeSize = minCodeSize;
        this.clearCode = 1 << minCodeSize;
        this.pixelBits = minCodeSize;
        this.table = new short[MAX_CODES << pixelBits];
    }

    /**
     * Compresses the pixels of a {@code width} by {@code height} rectangle of {@code pixels} (a row-major
     * image {@code stride} pixels wide) starting at {@code offset}, and writes the image data block.
     */
    void encode(byte[] pixels, int offset, int width, int height, int stride, ByteArrayOutputStream out) {
        out.write(minCodeSize);
        blockLength = 0;
        bitBuffer = 0;
        bitCount = 0;
        resetTable();
        codeSize = minCodeSize + 1;
        maxCode = (1 << codeSize) - 1;
        emit(clearCode, out);

        int mask = (1 << pixelBits) - 1;
        int prefix = pixels[offset] & mask;
        boolean first = true;
        for (int y = 0; y < height; y++) {
            int row = offset + y * stride;
            for (int x = first ? 1 : 0; x < width; x++) {
                int pixel = pixels[row + x] & mask;
                int key = prefix << pixelBits | pixel;
                int code = table[key];
                if (code != 0) {
                    prefix = code;
                    continue;
                }
                emit(prefix, out);
                prefix = pixel;
                if (nextCode < MAX_CODES) {
                    table[key] = (short) nextCode++;
                    used[usedCount++] = key;
                } else {
                    emit(clearCode, out);
                    resetTable();
                    codeSize = minCodeSize + 1;
                    maxCode = (1 << codeSize) - 1;
                }
            }
            first = false;
        }
        emit(prefix, out);
        emit(clearCode + 1, out); // end of information
        flushBits(out);
        flushBlock(out);
        out.write(0); // block terminator
    }

    private void resetTable() {
        for (int i = 0; i < usedCount; i++) {
            table[used[i]] = 0;
        }
        usedCount = 0;
        nextCode = clearCode + 2;
    }

    /** Writes one code; widens the codes once the decoder's table will have outgrown them. */
    private void emit(int code, ByteArrayOutputStream out) {
        bitBuffer |= (long) code << bitCount;
        bitCount += codeSize;
        while (bitCount >= 8) {
            block[blockLength++] = (byte) bitBuffer;
            bitBuffer >>>= 8;
            bitCount -= 8;
            if (blockLength == 255) {
                flushBlock(out);
            }
        }
        if (nextCode > maxCode && codeSize < 12) {
            codeSize++;
            maxCode = (1 << codeSize) - 1;
        }
    }

    private void flushBits(ByteArrayOutputStream out) {
        if (bitCount > 0) {
            block[blockLength++] = (byte) bitBuffer;
            bitBuffer = 0;
            bitCount = 0;
            if (blockLength == 255) {
                flushBlock(out);
            }
        }
    }

    private void flushBlock(ByteArrayOutputStream out) {
        if (blockLength > 0) {
            out.write(blockLength);
            out.write(block, 0, blockLength);
            blockLength = 0;
        }
    }
}
