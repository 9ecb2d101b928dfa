package org.topgif.renderer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.topgif.renderer.raster.Theme;
import org.topgif.renderer.sample.CpuStates;
import org.topgif.renderer.sample.LoadAverage;
import org.topgif.renderer.sample.Memory;
import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.sample.TaskCounts;
import org.topgif.renderer.screen.ScreenOptions;

class TopGifRecorderTest {

    /** A clock that only moves when told: sampling "costs" 300 ms, sleeping jumps to the deadline. */
    private static final class FakePacer implements Pacer {
        long now = 5_000_000_000L;
        final List<Long> deadlines = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepUntil(long deadlineNanos) {
            deadlines.add(deadlineNanos);
            now = Math.max(now, deadlineNanos);
        }
    }

    private static SystemSample sample(int tick) {
        List<ProcessRow> rows = List.of(
                new ProcessRow(100 + tick, "root", 20, 0, 1000, 500, 100, 'R', 99.0, 1.0, tick * 100L, "busy", "busy --loop"),
                new ProcessRow(1, "root", 20, 0, 2000, 800, 300, 'S', 0.0, 0.5, 42, "init", "/sbin/init"));
        return new SystemSample(LocalTime.of(12, 0, tick % 60), Duration.ofHours(3), OptionalInt.of(2),
                new LoadAverage(1, 1, 1), TaskCounts.of(rows), new CpuStates(50, 0, 0, 50, 0, 0, 0, 0),
                new Memory(1000, 500, 500, 0, 500, 0, 0, 0), rows);
    }

    private static RecordingPlan plan(int seconds, int plays) {
        return new RecordingPlan(Duration.ofSeconds(seconds), Duration.ofSeconds(1), 650, 300, Theme.DARK, plays,
                ScreenOptions.defaults());
    }

    @Test
    void takesSampleNAtStartPlusNIntervalsWhateverSamplingCosts() throws Exception {
        FakePacer pacer = new FakePacer();
        long start = pacer.now;
        int[] ticks = {0};
        TopGifRecorder recorder = new TopGifRecorder(() -> {
            pacer.now += 300_000_000L;
            return sample(ticks[0]++);
        }, pacer);
        recorder.record(plan(5, 0), RecordingProgress.NONE);
        assertEquals(List.of(start + 1_000_000_000L, start + 2_000_000_000L, start + 3_000_000_000L,
                start + 4_000_000_000L, start + 5_000_000_000L), pacer.deadlines);
        assertEquals(6, ticks[0], "one priming sample, then one per frame");
    }

    @Test
    void writesALoopingGifWithOneFramePerIntervalAndReportsProgress() throws Exception {
        FakePacer pacer = new FakePacer();
        int[] ticks = {0};
        List<String> progress = new ArrayList<>();
        byte[] gif = new TopGifRecorder(() -> sample(ticks[0]++), pacer)
                .record(plan(3, 0), (done, total) -> progress.add(done + "/" + total));
        assertEquals(List.of("1/3", "2/3", "3/3"), progress);

        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true));
            assertEquals(650, reader.getWidth(0));
            assertEquals(300, reader.getHeight(0));
        }
    }

    @Test
    void fitsRowsAndColumnsToTheFrame() throws Exception {
        var rasterizer = new org.topgif.renderer.raster.FrameRasterizer(650, 300, Theme.DARK);
        ScreenOptions fitted = TopGifRecorder.fit(ScreenOptions.defaults().withRows(500), rasterizer);
        assertEquals(rasterizer.lines() - 7, fitted.rows());
        assertEquals(rasterizer.columns(), fitted.columns());
        assertTrue(fitted.columns() >= 80, "650 px holds top's 80 columns: " + fitted.columns());
    }

    @Test
    void sameSamplesGiveTheSameBytes() throws Exception {
        int[] a = {0};
        int[] b = {0};
        byte[] first = new TopGifRecorder(() -> sample(a[0]++), new FakePacer()).record(plan(2, 0), RecordingProgress.NONE);
        byte[] second = new TopGifRecorder(() -> sample(b[0]++), new FakePacer()).record(plan(2, 0), RecordingProgress.NONE);
        assertArrayEquals(first, second);
    }
}
