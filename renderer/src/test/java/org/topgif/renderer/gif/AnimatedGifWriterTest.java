package org.topgif.renderer.gif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnimatedGifWriterTest {

    private static final GifPalette FOUR = new GifPalette(0x1E1F22, 0xDBDEE1, 0x80848E, 0xF23F43);

    /** Frames like a text screen: mostly background, some "text", a little changing each time. */
    private static List<IndexedImage> frames(int count, int width, int height, int colours, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (random.nextInt(10) < 7 ? 0 : random.nextInt(colours));
        }
        List<IndexedImage> frames = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            byte[] next = pixels.clone();
            int changes = f == 2 ? 0 : random.nextInt(200);
            for (int c = 0; c < changes; c++) {
                next[random.nextInt(next.length)] = (byte) random.nextInt(colours);
            }
            frames.add(new IndexedImage(width, height, next));
            pixels = next;
        }
        return frames;
    }

    private static byte[] encode(List<IndexedImage> frames, GifPalette palette, int plays, int delay) {
        AnimatedGifWriter writer = new AnimatedGifWriter(frames.get(0).width(), frames.get(0).height(), palette, plays);
        frames.forEach(frame -> writer.addFrame(frame, delay));
        return writer.finish();
    }

    private static void assertSamePictures(List<IndexedImage> expected, GifPalette palette, DecodedGif decoded) {
        assertEquals(expected.size(), decoded.composedFrames().size(), "frames");
        int[] colours = palette.colours();
        for (int f = 0; f < expected.size(); f++) {
            byte[] indices = expected.get(f).pixels();
            int[] rgb = new int[indices.length];
            for (int i = 0; i < indices.length; i++) {
                rgb[i] = colours[indices[i] & 0xFF];
            }
            assertArrayEquals(rgb, decoded.composedFrames().get(f), "frame " + f);
        }
    }

    @Test
    void everyComposedFrameDecodesToWhatWasWrittenWithImageIo() throws Exception {
        List<IndexedImage> frames = frames(12, 650, 300, 4, 1);
        DecodedGif decoded = DecodedGif.withImageIo(encode(frames, FOUR, 0, 100));
        assertSamePictures(frames, FOUR, decoded);
        assertEquals(0, decoded.loopCount(), "loops forever");
        assertEquals(List.of(100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100), decoded.delaysCentis());
    }

    @Test
    void everyComposedFrameDecodesToWhatWasWrittenWithCommonsImaging() throws Exception {
        List<IndexedImage> frames = frames(6, 321, 123, 4, 2);
        DecodedGif decoded = DecodedGif.withCommonsImaging(encode(frames, FOUR, 0, 50));
        assertSamePictures(frames, FOUR, decoded);
        assertEquals(List.of(50, 50, 50, 50, 50, 50), decoded.delaysCentis());
    }

    @Test
    void handlesPalettesOfEverySizeAndLongLzwStreams() throws Exception {
        for (int colours : new int[] {1, 2, 3, 7, 8, 100, 255}) {
            int[] rgb = new int[colours];
            for (int i = 0; i < colours; i++) {
                rgb[i] = (i * 0x010203 + 0x102030) & 0xFFFFFF;
            }
            GifPalette palette = new GifPalette(rgb);
            List<IndexedImage> frames = frames(3, 257, 129, colours, colours);
            assertSamePictures(frames, palette, DecodedGif.withImageIo(encode(frames, palette, 0, 10)));
        }
    }

    @Test
    void gifsicleReadsTheFramesDelaysAndLoop(@TempDir Path dir) throws Exception {
        Path gif = dir.resolve("test.gif");
        Files.write(gif, encode(frames(12, 650, 300, 4, 5), FOUR, 0, 100));
        Process gifsicle = new ProcessBuilder("gifsicle", "--info", gif.toString()).redirectErrorStream(true).start();
        String info = new String(gifsicle.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, gifsicle.waitFor(), info);
        assertTrue(info.contains("12 images"), info);
        assertTrue(info.contains("logical screen 650x300"), info);
        assertTrue(info.contains("loop forever"), info);
        assertEquals(12, info.split("delay 1.00s", -1).length - 1, info);
    }

    @Test
    void writesTheRequestedNumberOfPlays() throws Exception {
        List<IndexedImage> frames = frames(2, 20, 10, 4, 3);
        assertEquals(4, DecodedGif.withImageIo(encode(frames, FOUR, 5, 10)).loopCount());
        assertEquals(-1, DecodedGif.withImageIo(encode(frames, FOUR, 1, 10)).loopCount(), "plays once: no loop");
    }

    @Test
    void anUnchangedFrameCostsAFewBytes() {
        List<IndexedImage> same = List.of(frames(1, 650, 300, 4, 4).get(0), frames(1, 650, 300, 4, 4).get(0));
        byte[] one = encode(same.subList(0, 1), FOUR, 0, 100);
        byte[] two = encode(same, FOUR, 0, 100);
        assertTrue(two.length - one.length < 32, "second frame took " + (two.length - one.length) + " bytes");
    }

    @Test
    void rejectsFramesOfAnotherSize() {
        AnimatedGifWriter writer = new AnimatedGifWriter(10, 10, FOUR, 0);
        assertThrows(IllegalArgumentException.class, () -> writer.addFrame(new IndexedImage(5, 5, new byte[25]), 10));
        assertThrows(IllegalStateException.class, writer::finish);
    }
}
