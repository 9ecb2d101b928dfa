package org.topgif.bot.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.topgif.bot.failure.FailureCause;
import org.topgif.bot.hosts.FleetBroker;
import org.topgif.bot.hosts.FleetView;
import org.topgif.bot.post.Shown;
import org.topgif.config.TopgifSettings;
import org.topgif.renderer.FleetGif;
import org.topgif.renderer.Pacer;
import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.TopGifRecorder;
import org.topgif.renderer.raster.Theme;
import org.topgif.renderer.sample.ProcessSampler;
import org.topgif.renderer.screen.ScreenOptions;

/**
 * {@code topgif render}: records this host for a few seconds, or draws the fleet's last seconds from its broker,
 * and writes the animated GIF to a file.
 */
final class RenderCommand implements Subcommand {

    /** How long the fleet's broker may take to list its hosts and give their samples. */
    private static final Duration BROKER_PATIENCE = Duration.ofSeconds(15);

    private final TopgifSettings settings;
    private final boolean terminal;

    /** @param terminal whether progress goes to a terminal, where one line can be rewritten in place */
    RenderCommand(TopgifSettings settings, boolean terminal) {
        this.settings = settings;
        this.terminal = terminal;
    }

    @Override
    public String name() {
        return "render";
    }

    @Override
    public String summary() {
        return "record this host, or draw the fleet, and write an animated GIF: render --out top.gif [--fleet]";
    }

    @Override
    public String usage() {
        return """
                  --out FILE          where to write the GIF (required)
                  --fleet             draw every host of the fleet's broker (topgif.fleet.url) from its last
                                      seconds, instead of recording this host
                  --seconds N         length of the recording, 1-%d (default from settings: 12)
                  --interval D        time between frames, 100ms-60s in 10 ms steps, such as 1s (default 1s)
                  --width W           width in pixels, %d-%d (default from settings: %d)
                  --height H          height in pixels, %d-%d (default from settings: %d)
                  --theme NAME        dark or light (default dark)
                  --loops N           plays: 0 forever, N times (default 0)
                """.formatted(RecordingPlan.MAX_SECONDS, RecordingPlan.MIN_WIDTH, RecordingPlan.MAX_SIDE,
                settings.recording().width(), RecordingPlan.MIN_HEIGHT, RecordingPlan.MAX_SIDE,
                settings.recording().height()) + ScreenFlags.USAGE;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err)
            throws UsageException, CommandFailure, InterruptedException {
        Set<String> valued = new HashSet<>(ScreenFlags.VALUED);
        valued.addAll(Set.of("out", "seconds", "interval", "width", "height", "theme", "loops"));
        Set<String> flags = new HashSet<>(ScreenFlags.FLAGS);
        flags.add("fleet");
        ParsedOptions options = ParsedOptions.parse(args, valued, flags);
        if (options.flag("fleet") && !settings.fleet().enabled()) {
            throw new UsageException("render --fleet needs the fleet's broker: set topgif.fleet.url "
                    + "(TOPGIF_FLEET_URL)");
        }
        Path target = Path.of(options.value("out").orElseThrow(() -> new UsageException("render needs --out FILE")));
        RecordingPlan defaults = settings.recording();
        Duration interval = options.durationIn("interval", defaults.interval(), RecordingPlan.MIN_INTERVAL,
                RecordingPlan.MAX_INTERVAL);
        if (!RecordingPlan.isValidInterval(interval)) {
            throw new UsageException("--interval " + interval.toMillis() + "ms: expected " + RecordingPlan.INTERVAL_RULE);
        }
        int seconds = options.intIn("seconds", (int) defaults.duration().toSeconds(), 1, RecordingPlan.MAX_SECONDS);
        ScreenOptions screen = ScreenFlags.apply(options, settings.screen());
        RecordingPlan plan;
        try {
            plan = new RecordingPlan(Duration.ofSeconds(seconds), interval,
                    options.intIn("width", screen.layout().frameWidth(defaults.width()), RecordingPlan.MIN_WIDTH,
                            RecordingPlan.MAX_SIDE),
                    options.intIn("height", defaults.height(), RecordingPlan.MIN_HEIGHT, RecordingPlan.MAX_SIDE),
                    options.choice("theme", defaults.theme(), Theme::parse, Theme.choices()),
                    options.intIn("loops", defaults.plays(), 0, RecordingPlan.MAX_PLAYS),
                    screen);
        } catch (IllegalArgumentException impossible) {
            throw new UsageException(impossible.getMessage());
        }

        // Found before the recording, not after it: a folder that cannot take the GIF.
        try (ReplacedFile file = prepare(target)) {
            byte[] gif;
            if (options.flag("fleet")) {
                gif = drawFleet(plan);
            } else {
                try (ProcessSampler sampler = ProcessSampler.forThisHost(settings.redactor(),
                        settings.host().passwdFile())) {
                    gif = new TopGifRecorder(sampler::sample, Pacer.SYSTEM).record(plan,
                            new ProgressLines(err, terminal, plan.interval()));
                }
            }
            try {
                file.replaceWith(gif);
            } catch (IOException e) {
                throw new CommandFailure("cannot write " + target + ": " + ReplacedFile.describe(e));
            }
            out.printf(Locale.ROOT, "wrote %s: %d frames, %dx%d, %d bytes%n", target, plan.frames(), plan.width(),
                    plan.height(), gif.length);
        }
        return 0;
    }

    /** The fleet's hosts as the broker holds them now, drawn as /top host:* draws them. */
    private byte[] drawFleet(RecordingPlan plan) throws CommandFailure, InterruptedException {
        try (FleetBroker broker = FleetBroker.connectToRead(settings, Clock.systemUTC())) {
            if (!broker.awaitDirectory(BROKER_PATIENCE)) {
                throw new CommandFailure("the fleet's broker at " + broker.servers() + " did not answer within "
                        + BROKER_PATIENCE.toSeconds() + " s");
            }
            FleetView fleet = broker.view(settings.host().name(), settings);
            if (fleet.hosts().isEmpty()) {
                throw new CommandFailure("no host has reported to the fleet's broker at " + broker.servers() + " yet");
            }
            Shown.Fleet shown = (Shown.Fleet) fleet.overview(plan).get(BROKER_PATIENCE.toNanos(), TimeUnit.NANOSECONDS);
            return FleetGif.encode(shown.hosts(), shown.notShown(), plan);
        } catch (IOException | ExecutionException | TimeoutException failed) {
            throw new CommandFailure("cannot read the fleet: " + FailureCause.oneLine(failed));
        }
    }

    private static ReplacedFile prepare(Path target) throws CommandFailure {
        try {
            return ReplacedFile.prepare(target);
        } catch (IOException e) {
            throw new CommandFailure("cannot write " + target + ": " + ReplacedFile.describe(e));
        }
    }
}
