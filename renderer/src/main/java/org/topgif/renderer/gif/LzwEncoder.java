package org.topgif.renderer.gif;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

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

    /** For each code: how many pixels long it is if it stands for a run of one symbol, else 0. */
    private final short[] runLength = new short[MAX_CODES];
    /** For each run code: the symbol it repeats. */
    private final byte[] runSymbols = new byte[MAX_CODES];
    /** The code standing for a run of {@code k} times symbol {@code s}, at index s * (MAX_CODES + 1) + k. */
    private final short[] runCodes;
    /** The longest run in the dictionary per symbol. */
    private final int[] longestRun;
    /** A row of each symbol, to measure runs in pixels with a vectorised compare. */
    private final byte[][] symbolRows;

    private final byte[] block = new byte[256];
    private int blockLength;
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
        this.runCodes = new short[(MAX_CODES + 1) << pixelBits];
        this.longestRun = new int[1 << pixelBits];
        this.symbolRows = new byte[1 << pixelBits][MAX_CODES];
        for (int symbol = 0; symbol < symbolRows.length; symbol++) {
            Arrays.fill(symbolRows[symbol], (byte) symbol);
        }
    }

    /**
     * Compresses {@code length} pixels of {@code pixels} from {@code offset} (a rectangle, row after row),
     * and writes the image data block.
     *
     * <p>Screens are mostly runs of one colour (background, or transparent in a frame's difference), and a
     * greedy LZW walks a run one dictionary lookup per pixel. Since the dictionary's codes for runs of one
     * symbol form a chain (s, ss, sss, ...), a run is instead measured with a vectorised compare and jumped
     * along the chain in one step. The output is exactly plain LZW's; only the walk is shorter.
     */
    void encode(byte[] pixels, int offset, int length, ByteArrayOutputStream out) {
        out.write(minCodeSize);
        blockLength = 0;
        resetTable();
        // The hot loop keeps its state in locals: fields would be re-read from memory on every pixel.
        final short[] dictionary = table;
        final short[] runs = runLength;
        final short[] chain = runCodes;
        final int[] longest = longestRun;
        final int shift = pixelBits;
        final int mask = (1 << shift) - 1;
        final int end = offset + length;
        int next = nextCode;
        int size = minCodeSize + 1;
        int limit = 1 << size;
        long bits = clearCode;
        int count = size;

        int prefix = pixels[offset] & mask;
        for (int i = offset + 1; i < end; i++) {
            int pixel = pixels[i] & mask;
            int key = prefix << shift | pixel;
            int code = dictionary[key];
            if (code != 0) {
                prefix = code;
                int run = runs[code];
                if (run > 0) {
                    int room = longest[pixel] - run;
                    if (room >= 4) {
                        // prefix is a run of this pixel: follow the chain as far as the pixels allow.
                        int limitIndex = Math.min(end, i + 1 + room);
                        int mismatch = Arrays.mismatch(pixels, i + 1, limitIndex,
                                symbolRows[pixel], 0, limitIndex - i - 1);
                        int more = mismatch < 0 ? limitIndex - i - 1 : mismatch;
                        if (more > 0) {
                            prefix = chain[pixel * (MAX_CODES + 1) + run + more];
                            i += more;
                        }
                    }
                }
                continue;
            }
            bits |= (long) prefix << count;
            count += size;
            if (count >= 32) {
                drain(bits, 4, out);
                bits >>>= 32;
                count -= 32;
            }
            // Codes widen once the table holds a code that needs the extra bit (the decoder is one behind).
            if (next >= limit && size < 12) {
                size++;
                limit <<= 1;
            }
            if (next < MAX_CODES) {
                dictionary[key] = (short) next;
                used[usedCount++] = key;
                int prefixRun = runs[prefix];
                if (prefixRun > 0 && runSymbols[prefix] == pixel) {
                    runs[next] = (short) (prefixRun + 1);
                    runSymbols[next] = (byte) pixel;
                    chain[pixel * (MAX_CODES + 1) + prefixRun + 1] = (short) next;
                    longest[pixel] = Math.max(longest[pixel], prefixRun + 1);
                }
                next++;
            } else {
                bits |= (long) clearCode << count;
                count += size;
                if (count >= 32) {
                    drain(bits, 4, out);
                    bits >>>= 32;
                    count -= 32;
                }
                nextCode = next;
                resetTable();
                next = nextCode;
                size = minCodeSize + 1;
                limit = 1 << size;
            }
            prefix = pixel;
        }
        bits |= (long) prefix << count;
        count += size;
        if (next >= limit && size < 12) {
            size++;
        }
        bits |= (long) (clearCode + 1) << count; // end of information
        count += size;
        while (count > 0) {
            drain(bits, 1, out);
            bits >>>= 8;
            count -= 8;
        }
        flushBlock(out);
        out.write(0); // block terminator
    }

    private void resetTable() {
        for (int i = 0; i < usedCount; i++) {
            table[used[i]] = 0;
        }
        usedCount = 0;
        nextCode = clearCode + 2;
        Arrays.fill(runLength, (short) 0);
        for (int symbol = 0; symbol < clearCode; symbol++) {
            runLength[symbol] = 1;
            runCodes[symbol * (MAX_CODES + 1) + 1] = (short) symbol;
            runSymbols[symbol] = (byte) symbol;
            longestRun[symbol] = 1;
        }
    }

    /** Moves the low {@code bytes} bytes of {@code bits} into the current sub-block. */
    private void drain(long bits, int bytes, ByteArrayOutputStream out) {
        for (int i = 0; i < bytes; i++) {
            block[blockLength++] = (byte) (bits >>> (8 * i));
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
