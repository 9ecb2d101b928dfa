package org.topgif.bot.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.topgif.renderer.TopGifRecorder;
import org.topgif.renderer.gif.IndexedImage;
import org.topgif.renderer.raster.FrameRasterizer;
import org.topgif.renderer.raster.Theme;
import org.topgif.renderer.sample.CommandLineRedactor;
import org.topgif.renderer.sample.ProcessSampler;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.screen.Screen;
import org.topgif.renderer.screen.ScreenLayout;
import org.topgif.renderer.screen.ScreenLine;
import org.topgif.renderer.screen.ScreenOptions;

/**
 * Bench, not a test: how much of a frame a reader can make out at the size Discord shows it, with OCR
 * standing in for the reader. Draws one frame of this host under a set of screen options, scales it to each
 * width a viewer shows (ImageMagick's convert), reads it back with tesseract and prints the share of process
 * rows whose PID and whose COMMAND text were read back correctly.
 */
public final class LegibilityBenchmark {

    private final int width;
    private final int height;
    private final List<Integer> shownWidths;
    private final Path folder;
    private final PrintStream report;

    public LegibilityBenchmark(int width, int height, List<Integer> shownWidths, Path folder, PrintStream report) {
        this.width = width;
        this.height = height;
        this.shownWidths = List.copyOf(shownWidths);
        this.folder = folder;
        this.report = report;
    }

    public void run() throws IOException, InterruptedException {
        Files.createDirectories(folder);
        SystemSample sample;
        try (ProcessSampler sampler = ProcessSampler.forThisHost(CommandLineRedactor.ENABLED)) {
            sampler.sample();
            Thread.sleep(1000);
            sample = sampler.sample();
        }
        report.printf(Locale.ROOT, "one frame of this host at %dx%d, read back by tesseract at each shown width%n",
                width, height);
        measure("old defaults (command lines, top -c)", "old",
                ScreenOptions.defaults().withRows(ScreenOptions.MAX_ROWS).withFullCommands(true), sample);
        measure("new defaults (program names)", "new",
                ScreenOptions.defaults().withRows(ScreenOptions.MAX_ROWS), sample);
    }

    private void measure(String label, String name, ScreenOptions asked, SystemSample sample)
            throws IOException, InterruptedException {
        FrameRasterizer rasterizer = new FrameRasterizer(width, height, Theme.DARK);
        Screen screen = ScreenLayout.layout(sample, TopGifRecorder.fit(asked, rasterizer));
        Path png = folder.resolve(name + ".png");
        ImageIO.write(toImage(rasterizer.draw(screen, 0, 1), Theme.DARK.palette().colours()), "png", png.toFile());
        List<String> rows = new ArrayList<>();
        List<ScreenLine> lines = screen.lines();
        int commandColumn = lines.get(ScreenLayout.LINES_ABOVE_PROCESSES - 1).text().indexOf("COMMAND");
        for (int i = ScreenLayout.LINES_ABOVE_PROCESSES; i < lines.size(); i++) {
            rows.add(lines.get(i).text());
        }
        for (int shown : shownWidths) {
            Path scaled = folder.resolve(name + "-" + shown + ".png");
            run("convert", png.toString(), "-resize", shown + "x", scaled.toString());
            String read = run("tesseract", scaled.toString(), "-", "--psm", "6");
            int pids = 0;
            int commands = 0;
            for (String row : rows) {
                String[] words = row.trim().split("\\s+");
                if (contains(read, words[0])) {
                    pids++;
                }
                String command = row.substring(Math.min(row.length(), commandColumn)).replace("…", "").trim();
                if (!command.isEmpty() && read.contains(command)) {
                    commands++;
                }
            }
            report.printf(Locale.ROOT, "%-40s shown %4d px wide: PIDs %d/%d (%.0f%%), COMMAND %d/%d (%.0f%%)%n",
                    label, shown, pids, rows.size(), 100.0 * pids / rows.size(), commands, rows.size(),
                    100.0 * commands / rows.size());
        }
    }

    private static boolean contains(String text, String word) {
        return Pattern.compile("(^|\\s)" + Pattern.quote(word) + "(\\s|$)").matcher(text).find();
    }

    private static BufferedImage toImage(IndexedImage frame, int[] palette) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        byte[] pixels = frame.pixels();
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                image.setRGB(x, y, palette[pixels[y * frame.width() + x] & 0xff]);
            }
        }
        return image;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed (is ImageMagick and tesseract-ocr installed?)");
        }
        return out;
    }
}
