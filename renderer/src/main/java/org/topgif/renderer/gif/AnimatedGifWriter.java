package org.topgif.renderer.gif;

import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * Writes an animated GIF89a into memory: one global palette, a loop extension, then each frame as only what
 * changed since the previous one. Not thread-safe: one writer per GIF, used by one thread.
 *
 * <p>Contract: construct with the size, palette and loop count; {@link #addFrame} once per frame, all of the
 * same size with indices below {@link GifPalette#colourCount()}; then {@link #finish()} for the bytes.
 */
public final class AnimatedGifWriter {

    /** GIF89a's NETSCAPE2.0 loop count is 16 bits of repetitions after the first play. */
    public static final int MAX_PLAYS = 65536;
    /** GIF89a's delay unit: hundredths of a second. */
    public static final java.time.Duration DELAY_UNIT = java.time.Duration.ofMillis(10);

    private final int width;
    private final int height;
    private final GifPalette palette;
    private final LzwEncoder lzw;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    private IndexedImage previous;
    private int frames;
    private boolean finished;

    /**
     * @param plays how many times the animation plays: 0 for forever, 1 for once (no loop extension), N for N
     *              times (the NETSCAPE2.0 count is the number of repetitions after the first play)
     */
    public AnimatedGifWriter(int width, int height, GifPalette palette, int plays) {
        if (plays < 0 || plays > MAX_PLAYS) {
            throw new IllegalArgumentException("plays must be 0 (forever) to " + MAX_PLAYS + ": " + plays);
        }
        this.width = width;
        this.height = height;
        this.palette = Objects.requireNonNull(palette, "palette");
        this.lzw = new LzwEncoder(Math.max(2, palette.sizeBits()));
        GifBlocks.header(out);
        GifBlocks.screen(out, width, height, palette);
        if (plays != 1) {
            GifBlocks.loop(out, plays == 0 ? 0 : plays - 1);
        }
    }

    /** Adds a frame shown for {@code delayCentis} hundredths of a second (the GIF unit; 2 or more for browsers). */
    public void addFrame(IndexedImage frame, int delayCentis) {
        if (finished) {
            throw new IllegalStateException("the GIF is finished");
        }
        if (frame.width() != width || frame.height() != height) {
            throw new IllegalArgumentException("frame is " + frame.width() + "x" + frame.height()
                    + ", the GIF " + width + "x" + height);
        }
        if (delayCentis < 0 || delayCentis > 65535) {
            throw new IllegalArgumentException("delay must be 0 to 65535 hundredths: " + delayCentis);
        }
        if (previous == null) {
            GifBlocks.graphicControl(out, delayCentis, -1);
            GifBlocks.imageDescriptor(out, 0, 0, width, height);
            lzw.encode(frame.pixels(), 0, width * height, out);
        } else {
            FrameDiff diff = FrameDiff.between(previous, frame, palette.transparentIndex());
            GifBlocks.graphicControl(out, delayCentis, palette.transparentIndex());
            GifBlocks.imageDescriptor(out, diff.left(), diff.top(), diff.width(), diff.height());
            lzw.encode(diff.pixels(), 0, diff.pixels().length, out);
        }
        previous = frame;
        frames++;
    }

    public int frameCount() {
        return frames;
    }

    /** Bytes written so far, without the trailer: lets a caller stop before an upload limit. */
    public int size() {
        return out.size();
    }

    /** Ends the GIF and returns it; the writer takes no more frames. */
    public byte[] finish() {
        if (frames == 0) {
            throw new IllegalStateException("a GIF needs at least one frame");
        }
        if (!finished) {
            GifBlocks.trailer(out);
            finished = true;
        }
        return out.toByteArray();
    }
}
