package org.topgif.bench;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.topgif.renderer.FleetGif;
import org.topgif.renderer.TopGifRecorder;
import org.topgif.renderer.gif.AnimatedGifWriter;
import org.topgif.renderer.gif.GifPalette;
import org.topgif.renderer.gif.IndexedImage;
import org.topgif.renderer.raster.FrameRasterizer;
import org.topgif.renderer.raster.Theme;
import org.topgif.renderer.sample.CommandLineRedactor;
import org.topgif.renderer.sample.ProcessSampler;
import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.screen.Layout;
import org.topgif.renderer.screen.RowOrder;
import org.topgif.renderer.screen.ScreenLayout;
import org.topgif.renderer.screen.ScreenOptions;

/**
 * Records real frames once, then encodes the same frames with our writer and with javax.imageio's GIF writer
 * (fed frames already indexed to the same palette, its fastest path), and prints sizes and speeds as ratios.
 * If gifsicle is installed, also how much {@code gifsicle -O3} can still take off our GIF, and how ours
 * compares with the reference pipeline, javax.imageio then {@code gifsicle -O3}, on the same frames:
 * a ratio that divides out how busy the machine happened to be while the frames were recorded.
 */
public final class GifBenchmark {

    private final int frameCount;
    private final int width;
    private final int height;
    private final int busyLoops;
    private final Path out;
    private final PrintStream report;

    public GifBenchmark(int frameCount, int width, int height, int busyLoops, Path out, PrintStream report) {
        this.frameCount = frameCount;
        this.width = width;
        this.height = height;
        this.busyLoops = busyLoops;
        this.out = out;
        this.report = report;
    }

    public void run() throws IOException, InterruptedException {
        List<SystemSample> samples = recordSamples();
        List<IndexedImage> frames = liveFrames(samples);
        GifPalette palette = Theme.DARK.palette();
        byte[] ours = encodeOurs(frames, palette);
        byte[] theirs = encodeImageIo(frames, palette);
        int rounds = 100;
        for (int i = 0; i < rounds; i++) { // warm both up alike
            encodeOurs(frames, palette);
            encodeImageIo(frames, palette);
        }
        double oursMs = time(() -> encodeOurs(frames, palette), rounds) / frames.size();
        double theirsMs = time(() -> encodeImageIo(frames, palette), rounds) / frames.size();
        Files.write(out, ours);

        report.printf(Locale.ROOT, "frames: %d at %dx%d, one a second%n", frames.size(), width, height);
        report.printf(Locale.ROOT, "ours:                     %7d bytes  %7.3f ms/frame%n", ours.length, oursMs);
        report.printf(Locale.ROOT, "javax.imageio (indexed):  %7d bytes  %7.3f ms/frame%n", theirs.length, theirsMs);
        gifsicleSize(out).ifPresent(size -> report.printf(Locale.ROOT,
                "gifsicle -O3 of ours:     %7d bytes%nours-vs-gifsicle-O3: %.2fx%n", size, (double) ours.length / size));
        gifsicleSize(theirs).ifPresent(size -> report.printf(Locale.ROOT,
                "gifsicle -O3 of imageio's:%7d bytes%nours-vs-imageio-then-gifsicle-O3: %.3fx%n",
                size, (double) ours.length / size));
        report.printf(Locale.ROOT, "bytes-vs-imageio: %.2fx%n", (double) ours.length / theirs.length);
        RecordingPlan plan = new RecordingPlan(Duration.ofSeconds(samples.size()), Duration.ofSeconds(1), width, height,
                Theme.DARK, 0, ScreenOptions.defaults().withRows(ScreenOptions.MAX_ROWS));
        byte[] steady = TopGifRecorder.encode(samples, plan);
        byte[] live = TopGifRecorder.encode(samples, new RecordingPlan(plan.duration(), plan.interval(), width, height,
                Theme.DARK, 0, plan.screen().withOrder(RowOrder.LIVE)));
        report.printf(Locale.ROOT, "same samples, rows that stay put: %d bytes, rows sorted each frame: %d bytes%n",
                steady.length, live.length);
        report.printf(Locale.ROOT, "steady-vs-live-bytes: %.3fx%n", (double) steady.length / live.length);
        byte[] compact = TopGifRecorder.encode(samples, new RecordingPlan(plan.duration(), plan.interval(),
                Layout.COMPACT.frameWidth(width), height, Theme.DARK, 0, plan.screen().withLayout(Layout.COMPACT)));
        report.printf(Locale.ROOT, "same samples, compact layout: %d bytes%ncompact-vs-wide-bytes: %.3fx%n",
                compact.length, (double) compact.length / steady.length);
        report.printf(Locale.ROOT, "encode-speed-vs-imageio: %.1fx%n", theirsMs / oursMs);
        byte[] fleet = FleetGif.encode(FleetOfThisHost.of(samples), 0, new RecordingPlan(plan.duration(),
                plan.interval(), 550, 350, Theme.DARK, 0, plan.screen()));
        Path fleetFile = out.resolveSibling(out.getFileName() + ".fleet.gif");
        Files.write(fleetFile, fleet);
        report.printf(Locale.ROOT, "same samples as a fleet of 6 hosts, 1 silent, 550x350: %d bytes%n", fleet.length);
        gifsicleSize(fleetFile).ifPresent(size -> report.printf(Locale.ROOT,
                "gifsicle -O3 of it:       %7d bytes%nfleet-vs-gifsicle-O3: %.2fx%n", size,
                (double) fleet.length / size));
    }

    private List<SystemSample> recordSamples() throws IOException, InterruptedException {
        List<Process> busy = new ArrayList<>();
        for (int i = 0; i < busyLoops; i++) {
            busy.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
        }
        try (ProcessSampler sampler = ProcessSampler.forThisHost(CommandLineRedactor.ENABLED)) {
            List<SystemSample> samples = new ArrayList<>();
            sampler.sample();
            long start = System.nanoTime();
            for (int k = 1; k <= frameCount; k++) {
                long wait = start + TimeUnit.SECONDS.toNanos(k) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                samples.add(sampler.sample());
            }
            return samples;
        } finally {
            busy.forEach(Process::destroyForcibly);
        }
    }

    /** Frames as top would show them, each sorted on its own: what the encoders are compared on. */
    private List<IndexedImage> liveFrames(List<SystemSample> samples) {
        FrameRasterizer rasterizer = new FrameRasterizer(width, height, Theme.DARK);
        ScreenOptions screen = TopGifRecorder.fit(ScreenOptions.defaults().withRows(ScreenOptions.MAX_ROWS), rasterizer);
        List<IndexedImage> frames = new ArrayList<>();
        for (int k = 0; k < samples.size(); k++) {
            frames.add(rasterizer.draw(ScreenLayout.layout(samples.get(k), screen), k, samples.size()));
        }
        return frames;
    }

    private static byte[] encodeOurs(List<IndexedImage> frames, GifPalette palette) {
        AnimatedGifWriter writer = new AnimatedGifWriter(frames.get(0).width(), frames.get(0).height(), palette, 0);
        for (IndexedImage frame : frames) {
            writer.addFrame(frame, 100);
        }
        return writer.finish();
    }

    /** The reference: javax.imageio with frames indexed to our palette, delays and a loop, as a user would. */
    private static byte[] encodeImageIo(List<IndexedImage> frames, GifPalette palette) {
        try {
            int[] rgb = palette.colours();
            IndexColorModel model = new IndexColorModel(8, rgb.length, rgb, 0, false, -1,
                    java.awt.image.DataBuffer.TYPE_BYTE);
            ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream stream = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(stream);
                writer.prepareWriteSequence(null);
                for (int i = 0; i < frames.size(); i++) {
                    IndexedImage frame = frames.get(i);
                    BufferedImage image = new BufferedImage(frame.width(), frame.height(),
                            BufferedImage.TYPE_BYTE_INDEXED, model);
                    byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                    System.arraycopy(frame.pixels(), 0, target, 0, target.length);
                    ImageTypeSpecifier type = new ImageTypeSpecifier(image);
                    IIOMetadata metadata = writer.getDefaultImageMetadata(type, null);
                    String format = metadata.getNativeMetadataFormatName();
                    IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
                    IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
                    control.setAttribute("disposalMethod", "none");
                    control.setAttribute("userInputFlag", "FALSE");
                    control.setAttribute("transparentColorFlag", "FALSE");
                    control.setAttribute("delayTime", "100");
                    control.setAttribute("transparentColorIndex", "0");
                    root.appendChild(control);
                    if (i == 0) {
                        IIOMetadataNode applications = new IIOMetadataNode("ApplicationExtensions");
                        IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
                        loop.setAttribute("applicationID", "NETSCAPE");
                        loop.setAttribute("authenticationCode", "2.0");
                        loop.setUserObject(new byte[] {1, 0, 0});
                        applications.appendChild(loop);
                        root.appendChild(applications);
                    }
                    metadata.setFromTree(format, root);
                    writer.writeToSequence(new IIOImage(image, null, metadata), null);
                }
                writer.endWriteSequence();
            }
            writer.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double time(Runnable work, int rounds) {
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            work.run();
        }
        return (System.nanoTime() - start) / 1e6 / rounds;
    }

    private static java.util.Optional<Long> gifsicleSize(byte[] gif) throws IOException {
        Path file = Files.createTempFile("topgif-imageio", ".gif");
        try {
            Files.write(file, gif);
            return gifsicleSize(file);
        } finally {
            Files.delete(file);
        }
    }

    private static java.util.Optional<Long> gifsicleSize(Path gif) {
        try {
            Path optimised = Files.createTempFile("topgif-O3", ".gif");
            Process process = new ProcessBuilder("gifsicle", "-O3", gif.toString(), "-o", optimised.toString())
                    .redirectErrorStream(true).start();
            if (process.waitFor() != 0) {
                return java.util.Optional.empty();
            }
            long size = Files.size(optimised);
            Files.delete(optimised);
            return java.util.Optional.of(size);
        } catch (IOException notInstalled) {
            return java.util.Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }
}
