package org.topgif.renderer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.topgif.renderer.gif.AnimatedGifWriter;
import org.topgif.renderer.raster.FrameRasterizer;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.screen.RowOrder;
import org.topgif.renderer.screen.ScreenLayout;
import org.topgif.renderer.screen.ScreenOptions;

/**
 * Records the process table into an animated GIF in memory: sample, screen, frame, GIF bytes, one frame per
 * interval. The samples are kept (a few kilobytes each) so that a GIF too big for an upload can be drawn
 * again smaller without recording again; frames are drawn and encoded one at a time, so memory holds two.
 *
 * <p>Sample N is taken at start + N x interval, whatever the earlier samples cost, so a recording never
 * drifts. Not thread-safe: one recording per instance, on the caller's thread.
 */
public final class TopGifRecorder {

    private final Supplier<SystemSample> sampler;
    private final Pacer pacer;

    /** @param sampler a fresh sampler per recording: its first sample only primes the %CPU of the second */
    public TopGifRecorder(Supplier<SystemSample> sampler, Pacer pacer) {
        this.sampler = sampler;
        this.pacer = pacer;
    }

    /** Records {@code plan} and returns the GIF's bytes. */
    public byte[] record(RecordingPlan plan, RecordingProgress progress) throws InterruptedException {
        return encode(recordSamples(plan, progress), plan);
    }

    /** Takes {@code plan.frames()} samples one interval apart, after one that only primes %CPU. */
    public List<SystemSample> recordSamples(RecordingPlan plan, RecordingProgress progress)
            throws InterruptedException {
        int frames = plan.frames();
        long interval = plan.interval().toNanos();
        List<SystemSample> samples = new ArrayList<>(frames);
        long start = pacer.nanoTime();
        sampler.get();
        for (int k = 1; k <= frames; k++) {
            pacer.sleepUntil(start + k * interval);
            samples.add(sampler.get());
            progress.frameRecorded(k, frames);
        }
        return samples;
    }

    /** Draws and encodes recorded samples as {@code plan} says; its frame count is taken from the samples. */
    public static byte[] encode(List<SystemSample> samples, RecordingPlan plan) {
        FrameRasterizer rasterizer = new FrameRasterizer(plan.width(), plan.height(), plan.theme());
        ScreenOptions screen = fit(plan.screen(), rasterizer);
        AnimatedGifWriter gif = new AnimatedGifWriter(plan.width(), plan.height(), plan.theme().palette(),
                plan.plays());
        // Rows that stay put are chosen once, from every sample of the recording.
        List<Integer> steady = screen.order() == RowOrder.STEADY ? ScreenLayout.steadyRows(samples, screen) : null;
        for (int k = 0; k < samples.size(); k++) {
            SystemSample sample = samples.get(k);
            gif.addFrame(rasterizer.draw(steady != null ? ScreenLayout.layout(sample, screen, steady)
                    : ScreenLayout.layout(sample, screen), k, samples.size()), plan.delayCentis());
        }
        return gif.finish();
    }

    /** As many rows as asked for and as fit, and as many columns as fit. */
    public static ScreenOptions fit(ScreenOptions asked, FrameRasterizer rasterizer) {
        int rows = Math.max(0, Math.min(asked.rows(), rasterizer.lines() - asked.layout().linesAbove()));
        int columns = Math.max(asked.layout().minColumns(), Math.min(ScreenOptions.MAX_COLUMNS, rasterizer.columns()));
        return asked.withRows(rows).withColumns(columns);
    }
}
