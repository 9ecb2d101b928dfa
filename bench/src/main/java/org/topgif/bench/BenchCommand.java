package org.topgif.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.topgif.bot.cli.CommandFailure;
import org.topgif.bot.cli.ParsedOptions;
import org.topgif.bot.cli.Subcommand;
import org.topgif.bot.cli.UsageException;
import org.topgif.bot.failure.FailureCause;
import org.topgif.renderer.RecordingPlan;

/** {@code topgif bench sampler}: measures topgif against a reference in the same run. */
final class BenchCommand implements Subcommand {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "benchmarks: 'bench sampler' and 'bench recording' (CPU against top), 'bench gif' (against javax.imageio),"
                + " 'bench legibility' (OCR), 'bench wire' (the fleet's format, fuzzed)";
    }

    @Override
    public String usage() {
        return """
                  sampler             run our sampler and top -b -d 1 side by side; last line: sampler-cpu-vs-top
                    --samples N       measured samples, one a second (default 30)
                    --warmup N        samples first left out while the JIT settles (default 3)
                    --extra-processes N  start N idle processes first, to measure a busier process table (default 0)
                  recording           the same, but each second also drawn and encoded into a GIF as a recording
                                      is; last line: recording-cpu-vs-top (same options as sampler)
                  gif                 record real frames, encode them with ours and javax.imageio; prints ratios
                    --frames N        frames, one a second (default 12)
                    --width W --height H  frame size (default 550x350, as Discord's desktop client shows it)
                    --busy N          busy loops to run while recording, so rows change (default 2)
                    --out FILE        where to leave our GIF (default bench.gif)
                  legibility          one sample of this host drawn with the old and new defaults, scaled as Discord
                                      shows it and read back by tesseract: the share of PIDs and COMMANDs read right
                    --phone W,W,…     phones' message columns in CSS pixels (default 320,360,390)
                    --out DIR         where to leave the PNGs (default legibility)
                  wire                the fleet's sample format: bytes against JSON, encode and decode time, and
                                      the decoder fuzzed; last line: wire-fuzz-escapes (must be 0)
                    --fuzz N          mutated samples to decode (default 1000000)
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err)
            throws UsageException, CommandFailure, InterruptedException {
        if (!args.isEmpty() && args.get(0).equals("gif")) {
            return runGif(args.subList(1, args.size()), out);
        }
        if (!args.isEmpty() && args.get(0).equals("legibility")) {
            ParsedOptions options = ParsedOptions.parse(args.subList(1, args.size()), Set.of("phone", "out"), Set.of());
            LegibilityBenchmark benchmark = new LegibilityBenchmark(phoneWidths(options),
                    Path.of(options.value("out").orElse("legibility")), out);
            return run(benchmark::run);
        }
        if (!args.isEmpty() && args.get(0).equals("wire")) {
            ParsedOptions options = ParsedOptions.parse(args.subList(1, args.size()), Set.of("fuzz"), Set.of());
            WireBenchmark benchmark = new WireBenchmark(options.intIn("fuzz", 1_000_000, 0, 100_000_000), out);
            try {
                return benchmark.run();
            } catch (java.io.IOException failed) {
                throw new CommandFailure("bench wire failed: " + FailureCause.oneLine(failed));
            }
        }
        if (args.isEmpty() || !(args.get(0).equals("sampler") || args.get(0).equals("recording"))) {
            throw new UsageException("bench needs a benchmark name: sampler, recording, gif, legibility or wire");
        }
        ParsedOptions options = ParsedOptions.parse(args.subList(1, args.size()),
                Set.of("samples", "warmup", "extra-processes"), Set.of());
        SamplerBenchmark benchmark = new SamplerBenchmark(
                options.intIn("samples", 30, 1, 3600),
                options.intIn("warmup", 3, 0, 600),
                options.intIn("extra-processes", 0, 0, 2000),
                args.get(0).equals("recording"),
                out);
        return run(benchmark::run);
    }

    private static List<Integer> phoneWidths(ParsedOptions options) throws UsageException {
        if (options.value("phone").isEmpty()) {
            return LegibilityBenchmark.PHONE_WIDTHS;
        }
        List<Integer> widths = new java.util.ArrayList<>();
        for (String width : options.value("phone").get().split(",")) {
            try {
                int parsed = Integer.parseInt(width.trim());
                if (parsed < 100 || parsed > RecordingPlan.MAX_SIDE) {
                    throw new NumberFormatException();
                }
                widths.add(parsed);
            } catch (NumberFormatException notAWidth) {
                throw new UsageException("--phone: expected widths from 100 to " + RecordingPlan.MAX_SIDE
                        + ", separated by commas: " + width.trim());
            }
        }
        return widths;
    }

    private static int runGif(List<String> args, PrintStream out)
            throws UsageException, CommandFailure, InterruptedException {
        ParsedOptions options = ParsedOptions.parse(args, Set.of("frames", "width", "height", "busy", "out"), Set.of());
        GifBenchmark benchmark = new GifBenchmark(
                options.intIn("frames", 12, 1, 600),
                options.intIn("width", LegibilityBenchmark.DESKTOP_MAX_WIDTH, RecordingPlan.MIN_WIDTH, RecordingPlan.MAX_SIDE),
                options.intIn("height", LegibilityBenchmark.DESKTOP_MAX_HEIGHT, RecordingPlan.MIN_HEIGHT,
                        RecordingPlan.MAX_SIDE),
                options.intIn("busy", 2, 0, 64),
                Path.of(options.value("out").orElse("bench.gif")),
                out);
        return run(benchmark::run);
    }

    /** A benchmark's run: it starts processes and writes files, so it may fail with I/O. */
    @FunctionalInterface
    private interface Benchmark {
        void run() throws IOException, InterruptedException;
    }

    private static int run(Benchmark benchmark) throws CommandFailure, InterruptedException {
        try {
            benchmark.run();
        } catch (IOException e) {
            throw new CommandFailure("bench: " + FailureCause.ofFile(e) + describeFile(e));
        }
        return 0;
    }

    private static String describeFile(IOException e) {
        return e instanceof java.nio.file.FileSystemException system && system.getFile() != null
                ? " (" + system.getFile() + ")" : "";
    }
}
