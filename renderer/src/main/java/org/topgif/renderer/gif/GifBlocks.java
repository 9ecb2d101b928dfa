package org.topgif.renderer.gif;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The GIF89a blocks, each written as the spec lays it out; numbers are the spec's section numbers. */
final class GifBlocks {

    private static final int DISPOSE_LEAVE_IN_PLACE = 1;

    private GifBlocks() {
    }

    /** 17. Header. */
    static void header(ByteArrayOutputStream out) {
        out.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
    }

    /** 18. Logical Screen Descriptor, followed by 19. the Global Color Table. */
    static void screen(ByteArrayOutputStream out, int width, int height, GifPalette palette) {
        short16(out, width);
        short16(out, height);
        int bits = palette.sizeBits() - 1;
        out.write(0x80 | bits << 4 | bits); // global table present, colour resolution, table size
        out.write(0);                        // background colour index
        out.write(0);                        // no aspect ratio
        out.writeBytes(palette.tableBytes());
    }

    /** The NETSCAPE2.0 application extension: repeat {@code repetitions} times after the first play, 0 = forever. */
    static void loop(ByteArrayOutputStream out, int repetitions) {
        out.write(0x21);
        out.write(0xFF);
        out.write(11);
        out.writeBytes("NETSCAPE2.0".getBytes(StandardCharsets.US_ASCII));
        out.write(3);
        out.write(1);
        short16(out, repetitions);
        out.write(0);
    }

    /** 23. Graphic Control Extension: leave the image in place, then wait {@code delayCentis}. */
    static void graphicControl(ByteArrayOutputStream out, int delayCentis, int transparentIndex) {
        out.write(0x21);
        out.write(0xF9);
        out.write(4);
        out.write(DISPOSE_LEAVE_IN_PLACE << 2 | (transparentIndex >= 0 ? 1 : 0));
        short16(out, delayCentis);
        out.write(Math.max(0, transparentIndex));
        out.write(0);
    }

    /** 20. Image Descriptor, with no local colour table and no interlace. */
    static void imageDescriptor(ByteArrayOutputStream out, int left, int top, int width, int height) {
        out.write(0x2C);
        short16(out, left);
        short16(out, top);
        short16(out, width);
        short16(out, height);
        out.write(0);
    }

    /** 27. Trailer. */
    static void trailer(ByteArrayOutputStream out) {
        out.write(0x3B);
    }

    private static void short16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write(value >> 8 & 0xFF);
    }
}
