package org.topgif.renderer;

import java.util.List;

import org.topgif.renderer.gif.AnimatedGifWriter;
import org.topgif.renderer.raster.FrameRasterizer;
import org.topgif.renderer.screen.FleetHost;
import org.topgif.renderer.screen.FleetLayout;

/**
 * Draws a fleet overview into an animated GIF in memory: one frame per sample of the host with the most,
 * each host's block in place across the loop. The plan gives the frame's size, theme, delay, plays and sort
 * key; its rows and fields are a single host's and do not apply.
 */
public final class FleetGif {

    private FleetGif() {
    }

    /** How many hosts a frame of {@code plan}'s size shows; more are counted as "+N more". */
    public static int capacity(RecordingPlan plan) {
        FrameRasterizer sizes = new FrameRasterizer(plan.width(), plan.height(), plan.theme());
        return FleetLayout.capacity(sizes.columns(), sizes.lines());
    }

    /**
     * The GIF of {@code hosts} in order, the first {@link #capacity} of them shown.
     *
     * @param notShown hosts the caller already left out, added to the title's "+N more"
     */
    public static byte[] encode(List<FleetHost> hosts, int notShown, RecordingPlan plan) {
        FrameRasterizer rasterizer = new FrameRasterizer(plan.width(), plan.height(), plan.theme());
        FleetLayout layout = new FleetLayout(hosts, notShown, rasterizer.columns(), rasterizer.lines(),
                plan.screen().sort());
        // Grey costs a bit per pixel code; only a screen with a silent host pays it.
        boolean muted = layout.shown().stream().anyMatch(host -> !host.reporting());
        AnimatedGifWriter gif = new AnimatedGifWriter(plan.width(), plan.height(),
                muted ? plan.theme().mutedPalette() : plan.theme().palette(), plan.plays());
        int frames = layout.frames();
        for (int k = 0; k < frames; k++) {
            gif.addFrame(rasterizer.draw(layout.screen(k), k, frames), plan.delayCentis());
        }
        return gif.finish();
    }
}
