package org.topgif.bench;

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
import org.topgif.renderer.screen.Field;
import org.topgif.renderer.screen.FleetHost;
import org.topgif.renderer.screen.FleetLayout;
import org.topgif.renderer.screen.Fields;
import org.topgif.renderer.screen.Layout;

/**
 * Bench, not a test: how much of a frame a reader can make out at the size Discord shows it, with OCR
 * standing in for the reader. Draws one sample of this host at the old and the new default size and options,
 * and in the compact layout; scales each frame to the width a viewer sees (ImageMagick's convert), reads it back
 * with tesseract and prints the share of process rows whose first column (PID, or %CPU in the compact layout)
 * and whose COMMAND text were read back correctly; and the fleet overview, with the share of host names and
 * process names read back.
 */
public final class LegibilityBenchmark {

    /**
     * Discord's desktop and web client shows an attached image at its own size up to 550 x 350 CSS pixels and
     * scales a larger one down to fit (MEDIA_MOSAIC_MAX_WIDTH and MEDIA_MOSAIC_MAX_HEIGHT in its client code).
     */
    public static final int DESKTOP_MAX_WIDTH = 550;
    public static final int DESKTOP_MAX_HEIGHT = 350;

    /**
     * Message columns of phones, in CSS pixels, to measure at: no published figure says how wide Discord's phone
     * clients show an image, so a narrow, a middling and a wide phone's column.
     */
    public static final List<Integer> PHONE_WIDTHS = List.of(320, 360, 390);

    /**
     * Device pixels per CSS pixel of a phone's screen. Phones light 2 or 3 screen pixels per CSS pixel (Apple's
     * Human Interface Guidelines, Images: "2:1 or 3:1"; Android's xxhdpi is 3), so a reader there sees the
     * image scaled up by that much. Tesseract works best at 300 dpi or more (tessdoc, ImproveQuality), which a
     * CSS pixel read as one pixel is far from: each phone width is read both ways.
     */
    public static final int PHONE_PIXEL_RATIO = 3;

    private final List<Integer> phoneWidths;
    private final Path folder;
    private final PrintStream report;

    /** @param phoneWidths widths of a phone's message column, in the phone's CSS pixels */
    public LegibilityBenchmark(List<Integer> phoneWidths, Path folder, PrintStream report) {
        this.phoneWidths = List.copyOf(phoneWidths);
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
        report.printf(Locale.ROOT, "one sample of this host drawn four ways, each read back by tesseract at full size,"
                + " as Discord's desktop client shows it (fitted into %dx%d) and in phone columns of %s px%n",
                DESKTOP_MAX_WIDTH, DESKTOP_MAX_HEIGHT, phoneWidths);
        ScreenOptions all = ScreenOptions.defaults().withRows(ScreenOptions.MAX_ROWS);
        measure("650x300, top's fields, command lines", "old", 650, 300,
                all.withFields(Fields.of(Field.TOP_DEFAULT)).withFullCommands(true), sample);
        measure("650x300, top's fields, program names", "names", 650, 300,
                all.withFields(Fields.of(Field.TOP_DEFAULT)), sample);
        measure("550x350, top's fields fitted, names", "new", 550, 350, all, sample);
        measure("320x350, compact", "compact", Layout.COMPACT.frameWidth(550), 350, all.withLayout(Layout.COMPACT),
                sample);
        measureFleet(sample);
    }

    /**
     * The fleet overview at 550x350: six made-up hosts from this host's sample, one of them silent; the share
     * of host names and of the process names shown that are read back.
     */
    private void measureFleet(SystemSample sample) throws IOException, InterruptedException {
        FrameRasterizer rasterizer = new FrameRasterizer(DESKTOP_MAX_WIDTH, DESKTOP_MAX_HEIGHT, Theme.DARK);
        FleetLayout layout = new FleetLayout(FleetOfThisHost.of(List.of(sample)), 0, rasterizer.columns(),
                rasterizer.lines(), ScreenOptions.defaults().sort());
        Path png = folder.resolve("fleet.png");
        ImageIO.write(toImage(rasterizer.draw(layout.screen(0), 0, 1), Theme.DARK.mutedPalette().colours()), "png",
                png.toFile());
        List<String> hosts = new ArrayList<>();
        List<String> processes = new ArrayList<>();
        for (FleetHost host : layout.shown()) {
            hosts.add(host.name());
        }
        for (ScreenLine line : layout.screen(0).lines()) {
            // A process line: a figure, then the name; two blocks side by side.
            for (String half : line.text().split(" {2,}(?=\\s*\\d)")) {
                String[] words = half.trim().split("\\s+", 2);
                if (words.length == 2 && words[0].matches("\\d+\\.\\d") && !words[1].contains("…")) {
                    processes.add(words[1].trim());
                }
            }
        }
        for (int shown : shownWidths(DESKTOP_MAX_WIDTH)) {
            for (int ratio : shown == DESKTOP_MAX_WIDTH ? List.of(1) : List.of(1, PHONE_PIXEL_RATIO)) {
                int pixels = shown * ratio;
                Path scaled = folder.resolve("fleet-" + pixels + ".png");
                run("convert", png.toString(), "-resize", pixels + "x", scaled.toString());
                String read = run("tesseract", scaled.toString(), "-", "--psm", "6");
                long hostsRead = hosts.stream().filter(name -> read.contains(name)).count();
                long processesRead = processes.stream().filter(name -> contains(read, name)).count();
                report.printf(Locale.ROOT,
                        "%-38s %-16s %4d px wide: hosts %d/%d (%3.0f%%), processes %2d/%d (%3.0f%%)%n",
                        "550x350, fleet of 6, 1 silent", shown == DESKTOP_MAX_WIDTH ? "desktop"
                                : "phone " + shown + (ratio == 1 ? "" : " @" + ratio + "x"), shown, hostsRead,
                        hosts.size(), 100.0 * hostsRead / hosts.size(), processesRead, processes.size(),
                        100.0 * processesRead / Math.max(1, processes.size()));
            }
        }
    }

    /** The widths a frame {@code width} wide is shown at: on the desktop, then in each phone column. */
    private List<Integer> shownWidths(int width) {
        List<Integer> widths = new ArrayList<>(List.of(width));
        for (int phone : phoneWidths) {
            widths.add(Math.min(width, phone));
        }
        return widths;
    }

    private void measure(String label, String name, int width, int height, ScreenOptions asked, SystemSample sample)
            throws IOException, InterruptedException {
        FrameRasterizer rasterizer = new FrameRasterizer(width, height, Theme.DARK);
        Screen screen = ScreenLayout.layout(sample, TopGifRecorder.fit(asked, rasterizer));
        Path png = folder.resolve(name + ".png");
        ImageIO.write(toImage(rasterizer.draw(screen, 0, 1), Theme.DARK.palette().colours()), "png", png.toFile());
        List<String> rows = new ArrayList<>();
        List<ScreenLine> lines = screen.lines();
        int above = asked.layout().linesAbove();
        String titles = lines.get(above - 1).text();
        String first = titles.trim().split("\\s+")[0];
        int commandColumn = titles.indexOf("COMMAND");
        if (commandColumn < 0) {
            report.printf(Locale.ROOT, "%-38s COMMAND does not fit in %dx%d; not measured%n", label, width, height);
            return;
        }
        for (int i = above; i < lines.size(); i++) {
            rows.add(lines.get(i).text());
        }
        double desktop = Math.min(1.0, Math.min((double) DESKTOP_MAX_WIDTH / width, (double) DESKTOP_MAX_HEIGHT / height));
        int desktopWidth = (int) Math.round(width * desktop);
        List<Integer> shownWidths = new ArrayList<>(List.of(width, desktopWidth));
        List<String> where = new ArrayList<>(List.of("full size", "desktop"));
        List<Integer> pixelRatios = new ArrayList<>(List.of(1, 1));
        for (int phone : phoneWidths) {
            // A phone shows the image at most as wide as its column, and never wider than the image.
            for (int ratio : List.of(1, PHONE_PIXEL_RATIO)) {
                shownWidths.add(Math.min(desktopWidth, phone));
                where.add("phone " + phone + (ratio == 1 ? "" : " @" + ratio + "x"));
                pixelRatios.add(ratio);
            }
        }
        for (int k = 0; k < shownWidths.size(); k++) {
            int shown = shownWidths.get(k);
            int pixels = shown * pixelRatios.get(k);
            Path scaled = folder.resolve(name + "-" + pixels + ".png");
            run("convert", png.toString(), "-resize", pixels + "x", scaled.toString());
            String read = run("tesseract", scaled.toString(), "-", "--psm", "6");
            int firsts = 0;
            int commands = 0;
            for (String row : rows) {
                String[] words = row.trim().split("\\s+");
                if (contains(read, words[0])) {
                    firsts++;
                }
                String command = row.substring(Math.min(row.length(), commandColumn)).replace("…", "").trim();
                if (!command.isEmpty() && read.contains(command)) {
                    commands++;
                }
            }
            report.printf(Locale.ROOT, "%-38s %-16s %4d px wide: %s %2d/%d (%3.0f%%), COMMAND %2d/%d (%3.0f%%)%n",
                    label, where.get(k), shown, first, firsts, rows.size(), 100.0 * firsts / rows.size(), commands,
                    rows.size(), 100.0 * commands / rows.size());
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
