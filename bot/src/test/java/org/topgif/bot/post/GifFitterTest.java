package org.topgif.bot.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.topgif.renderer.FleetGif;
import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.TopGifRecorder;
import org.topgif.renderer.raster.Theme;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.screen.FleetHost;
import org.topgif.renderer.screen.ScreenOptions;

class GifFitterTest {

    private static final RecordingPlan PLAN = new RecordingPlan(Duration.ofSeconds(8), Duration.ofSeconds(1), 650, 300,
            Theme.DARK, 0, ScreenOptions.defaults().withRows(20));

    private static int frames(byte[] gif) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            return reader.getNumImages(true);
        }
    }

    @Test
    void aGifThatFitsIsLeftAsAsked() throws Exception {
        List<SystemSample> samples = MadeUpSamples.of(8);
        byte[] full = TopGifRecorder.encode(samples, PLAN);
        assertEquals(full.length, GifFitter.fit(samples, PLAN, full.length).orElseThrow().length);
    }

    @Test
    void aGifTooBigForTheLimitLosesRowsThenFramesButStillFits() throws Exception {
        List<SystemSample> samples = MadeUpSamples.of(8);
        byte[] full = TopGifRecorder.encode(samples, PLAN);
        byte[] smaller = GifFitter.fit(samples, PLAN, full.length - 1).orElseThrow();
        assertTrue(smaller.length < full.length);
        assertEquals(8, frames(smaller), "fewer rows come first");

        RecordingPlan threeRows = new RecordingPlan(PLAN.duration(), PLAN.interval(), PLAN.width(), PLAN.height(),
                PLAN.theme(), PLAN.plays(), PLAN.screen().withRows(3));
        long twoSmallFrames = TopGifRecorder.encode(samples.subList(6, 8), threeRows).length;
        byte[] tiny = GifFitter.fit(samples, PLAN, twoSmallFrames).orElseThrow();
        assertTrue(tiny.length <= twoSmallFrames);
        assertTrue(frames(tiny) < 8, "then fewer frames: " + frames(tiny));
    }

    @Test
    void aFleetTooBigForTheLimitKeepsEveryOtherFrameAndEachHostsNewestAndASilentHost() throws Exception {
        List<FleetHost> hosts = List.of(new FleetHost("db-1", MadeUpSamples.of(8), Duration.ZERO),
                new FleetHost("web-2", MadeUpSamples.of(3), Duration.ZERO),
                new FleetHost("cache-3", List.of(), Duration.ofMinutes(5)));
        byte[] full = FleetGif.encode(hosts, 0, PLAN);
        assertEquals(8, frames(full));
        assertEquals(full.length, GifFitter.fitFleet(hosts, 0, PLAN, full.length).orElseThrow().length);
        byte[] fitted = GifFitter.fitFleet(hosts, 0, PLAN, full.length - 1).orElseThrow();
        assertTrue(fitted.length < full.length);
        assertEquals(4, frames(fitted), "every other frame, each shown twice as long");
        assertTrue(GifFitter.fitFleet(hosts, 0, PLAN, 100).isEmpty(), "not even one frame fits");
    }

    @Test
    void nothingFitsBelowOneSmallFrame() {
        assertTrue(GifFitter.fit(MadeUpSamples.of(4), PLAN, 100).isEmpty());
    }
}
