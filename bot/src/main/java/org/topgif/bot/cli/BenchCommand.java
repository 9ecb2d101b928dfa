package org.topgif.bot.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import org.topgif.bot.bench.SamplerBenchmark;

/** {@code topgif bench sampler}: measures topgif against a reference in the same run. */
final class BenchCommand implements Subcommand {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "benchmark: 'bench sampler' compares our sampler's CPU with top's";
    }

    @Override
    public String usage() {
        return """
                  sampler             run our sampler and top -b -d 1 side by side; last line: sampler-cpu-vs-top
                    --samples N       measured samples, one a second (default 30)
                    --warmup N        samples first left out while the JIT settles (default 3)
                    --extra-processes N  start N idle processes first, to measure a busier process table (default 0)
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, InterruptedException {
        if (args.isEmpty() || !args.get(0).equals("sampler")) {
            throw new UsageException("bench needs a benchmark name: sampler");
        }
        ParsedOptions options = ParsedOptions.parse(args.subList(1, args.size()),
                Set.of("samples", "warmup", "extra-processes"), Set.of());
        SamplerBenchmark benchmark = new SamplerBenchmark(
                options.intIn("samples", 30, 1, 3600),
                options.intIn("warmup", 3, 0, 600),
                options.intIn("extra-processes", 0, 0, 2000),
                out);
        try {
            benchmark.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }
}
