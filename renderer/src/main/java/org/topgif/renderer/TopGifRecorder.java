package org.topgif.renderer;

import java.util.function.Supplier;

import org.topgif.renderer.gif.AnimatedGifWriter;
import org.topgif.renderer.raster.FrameRasterizer;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.screen.ScreenLayout;
import org.topgif.renderer.screen.ScreenOptions;

/**
 * Records the process table into an animated GIF in memory: sample, screen, frame, GIF bytes, one frame per
 * interval. Frames are encoded as they come, so memory holds two frames, not the recording.
 *
 * <p>Sample N is taken at start + N x interval, whatever the earlier samples cost, so a recording never
 * drifts. Not thread-safe: one recording per instance, on the caller's thread.
 */
public final class TopGifRecorder {

    /** Rows the summary, blank line and column titles take above the processes. */
    private static final int HEADER_LINES = 7;

    private final Supplier<SystemSample> sampler;
    private final Pacer pacer;

    /** @param sampler a fresh sampler per recording: its first sample only primes the %CPU of the second */
    public TopGifRecorder(Supplier<SystemSample> sampler, Pacer pacer) {
        this.sampler = sampler;
        this.pacer = pacer;
    }

    /** Records {@code plan} and returns the GIF's bytes. */
    public byte[] record(RecordingPlan plan, RecordingProgress progress) throws InterruptedException {
        FrameRasterizer rasterizer = new FrameRasterizer(plan.width(), plan.height(), plan.theme());
        ScreenOptions screen = fit(plan.screen(), rasterizer);
        AnimatedGifWriter gif = new AnimatedGifWriter(plan.width(), plan.height(), plan.theme().palette(),
                plan.plays());
        int frames = plan.frames();
        long interval = plan.interval().toNanos();
        long start = pacer.nanoTime();
        sampler.get();
        for (int k = 1; k <= frames; k++) {
            pacer.sleepUntil(start + k * interval);
            SystemSample sample = sampler.get();
            gif.addFrame(rasterizer.draw(ScreenLayout.layout(sample, screen), k - 1, frames), plan.delayCentis());
            progress.frameRecorded(k, frames);
        }
        return gif.finish();
    }

    /** As many rows as asked for and as fit, and as many columns as fit. */
    static ScreenOptions fit(ScreenOptions asked, FrameRasterizer rasterizer) {
        int rows = Math.max(0, Math.min(asked.rows(), rasterizer.lines() - HEADER_LINES));
        int columns = Math.max(ScreenOptions.MIN_COLUMNS, Math.min(ScreenOptions.MAX_COLUMNS, rasterizer.columns()));
        return asked.withRows(rows).withColumns(columns);
    }
}
