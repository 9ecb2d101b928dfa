package org.topgif.bot.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.topgif.config.TopgifSettings;
import org.topgif.renderer.sample.ProcessSampler;
import org.topgif.renderer.screen.ScreenLayout;
import org.topgif.renderer.screen.ScreenOptions;

/** {@code topgif snapshot}: prints one top-like screen, from two samples a moment apart, like {@code top -b -n 1}. */
final class SnapshotCommand implements Subcommand {

    private final TopgifSettings settings;

    SnapshotCommand(TopgifSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "snapshot";
    }

    @Override
    public String summary() {
        return "print one top-like text screen of this host";
    }

    @Override
    public String usage() {
        return ScreenFlags.USAGE + "  --delay D           time between the two samples that %CPU compares (default 1s)\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, InterruptedException {
        Set<String> valued = new HashSet<>(ScreenFlags.VALUED);
        valued.add("delay");
        ParsedOptions options = ParsedOptions.parse(args, valued, ScreenFlags.FLAGS);
        ScreenOptions screen = ScreenFlags.apply(options, settings.screen());
        Duration delay = options.durationIn("delay", Duration.ofSeconds(1), Duration.ofMillis(100),
                Duration.ofSeconds(60));

        try (ProcessSampler sampler = ProcessSampler.forThisHost(settings.redactor(), settings.host().passwdFile())) {
            sampler.sample();
            Thread.sleep(delay.toMillis());
            out.print(ScreenLayout.layout(sampler.sample(), screen).text());
        }
        out.flush();
        return 0;
    }
}
