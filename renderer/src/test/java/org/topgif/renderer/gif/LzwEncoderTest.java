package org.topgif.renderer.gif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LzwEncoderTest {

    /** Textbook greedy GIF LZW, one dictionary lookup per pixel: what the run shortcut must reproduce. */
    private static byte[] plainLzw(byte[] pixels, int minCodeSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(minCodeSize);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int clear = 1 << minCodeSize;
        int[] size = {minCodeSize + 1};
        long[] bits = {0};
        int[] count = {0};
        Map<Long, Integer> dictionary = new HashMap<>();
        int[] next = {clear + 2};
        java.util.function.IntConsumer emit = code -> {
            bits[0] |= (long) code << count[0];
            count[0] += size[0];
            while (count[0] >= 8) {
                data.write((int) bits[0] & 0xFF);
                bits[0] >>>= 8;
                count[0] -= 8;
            }
            if (next[0] >= 1 << size[0] && size[0] < 12) {
                size[0]++;
            }
        };
        emit.accept(clear);
        int prefix = pixels[0] & 0xFF;
        for (int i = 1; i < pixels.length; i++) {
            int pixel = pixels[i] & 0xFF;
            Integer code = dictionary.get((long) prefix << 8 | pixel);
            if (code != null) {
                prefix = code;
                continue;
            }
            emit.accept(prefix);
            if (next[0] < 4096) {
                dictionary.put((long) prefix << 8 | pixel, next[0]++);
            } else {
                emit.accept(clear);
                dictionary.clear();
                next[0] = clear + 2;
                size[0] = minCodeSize + 1;
            }
            prefix = pixel;
        }
        emit.accept(prefix);
        emit.accept(clear + 1);
        if (count[0] > 0) {
            data.write((int) bits[0] & 0xFF);
        }
        byte[] packed = data.toByteArray();
        for (int at = 0; at < packed.length; at += 255) {
            int length = Math.min(255, packed.length - at);
            out.write(length);
            out.write(packed, at, length);
        }
        out.write(0);
        return out.toByteArray();
    }

    /** Runs of random length of a few symbols, like a screen or a frame's difference. */
    private static byte[] runs(int length, int symbols, int maxRun, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[length];
        int i = 0;
        while (i < length) {
            int run = 1 + random.nextInt(random.nextInt(10) == 0 ? maxRun : 4);
            byte symbol = (byte) random.nextInt(symbols);
            for (int k = 0; k < run && i < length; k++) {
                pixels[i++] = symbol;
            }
        }
        return pixels;
    }

    @Test
    void theRunShortcutWritesExactlyWhatPlainLzwWrites() {
        for (int minCodeSize = 2; minCodeSize <= 8; minCodeSize++) {
            for (long seed = 0; seed < 6; seed++) {
                byte[] pixels = runs(60_000 + (int) seed * 7919, Math.min(1 << minCodeSize, 7), 5000, seed);
                ByteArrayOutputStream ours = new ByteArrayOutputStream();
                new LzwEncoder(minCodeSize).encode(pixels, 0, pixels.length, ours);
                assertArrayEquals(plainLzw(pixels, minCodeSize), ours.toByteArray(),
                        "code size " + minCodeSize + ", seed " + seed);
            }
        }
    }

    @Test
    void oneEncoderServesManyImages() {
        LzwEncoder encoder = new LzwEncoder(3);
        for (long seed = 0; seed < 5; seed++) {
            byte[] pixels = runs(20_000, 7, 3000, seed);
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            encoder.encode(pixels, 0, pixels.length, ours);
            assertArrayEquals(plainLzw(pixels, 3), ours.toByteArray(), "image " + seed);
        }
    }

    @Test
    void encodesASinglePixelAndAnOffsetRange() {
        byte[] pixels = {5, 1, 1, 1, 1, 2};
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        new LzwEncoder(3).encode(pixels, 0, 1, one);
        assertArrayEquals(plainLzw(new byte[] {5}, 3), one.toByteArray());
        ByteArrayOutputStream middle = new ByteArrayOutputStream();
        new LzwEncoder(3).encode(pixels, 1, 4, middle);
        assertArrayEquals(plainLzw(new byte[] {1, 1, 1, 1}, 3), middle.toByteArray());
    }
}
