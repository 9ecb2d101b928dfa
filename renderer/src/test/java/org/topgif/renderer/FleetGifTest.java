package org.topgif.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.topgif.renderer.raster.Theme;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.screen.FleetHost;
import org.topgif.renderer.screen.ScreenOptions;

class FleetGifTest {

    /** The grey of the dark theme, only in a frame with a silent host. */
    private static final int GREY = 0x6D6F78;

    private static final RecordingPlan PLAN = new RecordingPlan(Duration.ofSeconds(10), Duration.ofSeconds(1), 550,
            350, Theme.DARK, 0, ScreenOptions.defaults());

    private static FleetHost host(String name, long seed) {
        Supplier<SystemSample> samples = new SyntheticSamples(seed);
        List<SystemSample> recorded = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            recorded.add(samples.get());
        }
        return new FleetHost(name, recorded, Duration.ofSeconds(1));
    }

    private static List<BufferedImage> frames(byte[] gif) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            List<BufferedImage> frames = new ArrayList<>();
            for (int i = 0; i < reader.getNumImages(true); i++) {
                frames.add(reader.read(i));
            }
            return frames;
        }
    }

    private static boolean has(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void threeHostsOneSilentLoopTheirTenFramesAndGreyTheSilentHost() throws Exception {
        byte[] gif = FleetGif.encode(List.of(host("db-1", 1), host("web-2", 2),
                new FleetHost("cache-3", List.of(), Duration.ofMinutes(7))), 0, PLAN);
        List<BufferedImage> frames = frames(gif);
        assertEquals(10, frames.size());
        assertEquals(550, frames.get(0).getWidth());
        assertEquals(350, frames.get(0).getHeight());
        // The first frame is whole; later ones only hold what changed.
        assertTrue(has(frames.get(0), GREY), "the silent host is drawn grey");
        new File("target").mkdirs();
        ImageIO.write(frames.get(0), "png", new File("target/fleet-frame.png"));
    }

    @Test
    void aFleetThatAllReportsKeepsTheThreeColourPalette() throws Exception {
        byte[] gif = FleetGif.encode(List.of(host("db-1", 1), host("web-2", 2)), 0, PLAN);
        assertTrue(!has(frames(gif).get(0), GREY));
        // A 2-bit global colour table: the packed field's size bits are 1.
        assertEquals(1, gif[10] & 0x07, "three colours and transparency");
        assertEquals(6, FleetGif.capacity(PLAN));
    }
}
