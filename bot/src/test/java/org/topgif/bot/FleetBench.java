package org.topgif.bot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.topgif.bot.fake.FakeDiscord;
import org.topgif.bot.fake.RecordedRequest;
import org.topgif.config.FleetServers;
import org.topgif.config.FleetSettings;
import org.topgif.config.HostName;
import org.topgif.fleet.HostToken;
import org.topgif.fleet.agent.FleetAgent;
import org.topgif.fleet.nats.FleetStreams;
import org.topgif.fleet.nats.NatsServerProcess;
import org.topgif.fleet.wire.HostSample;
import org.topgif.fleet.wire.SampleEncoder;
import org.topgif.renderer.sample.CommandLineRedactor;
import org.topgif.renderer.sample.ProcessSampler;
import org.topgif.renderer.sample.SystemSample;

/**
 * Bench, not a test: a fleet on this machine. A local nats-server; the bot's jar as its image runs it, against
 * the fake Discord; {@code hosts} agents in this JVM replaying real samples of this host under distinct names
 * at 1 Hz; 16 {@code /top host:} at once; and one agent's own JVM sampling this host. Prints the bytes a host
 * sends a second, /top host: p50 and p95 to the stored upload, the bot's idle CPU with no hosts and with all of
 * them, the broker's CPU and the agent's, each beside {@code top -d 1} in the same window.
 * Run with {@code bench/fleet [hosts, default 50] [seconds a window, default 60]}.
 */
public final class FleetBench {

    private FleetBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("agent")) {
            // One agent's JVM alone with the broker, thread by thread: what an agent costs its host.
            int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
            Path folder = Files.createTempDirectory("topgif-fleet-bench");
            try (NatsServerProcess nats = NatsServerProcess.start(folder.resolve("nats"))) {
                Window agent = agentJvm(nats.url(), seconds);
                System.out.printf(Locale.ROOT, "one agent's whole JVM: %.1f ms, top %.1f ms over %d s -> "
                        + "fleet-agent-cpu-vs-top: %.2fx (target <= 1.0); agent RSS %d MiB%n", agent.botMs,
                        agent.topMs, seconds, agent.botMs / agent.topMs, agent.rssKiB / 1024);
            }
            System.exit(0);
        }
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        List<SystemSample> replay = record(10);
        System.out.printf(Locale.ROOT, "recorded %d samples of this host, %d processes each%n", replay.size(),
                replay.get(0).processes().size());
        Path folder = Files.createTempDirectory("topgif-fleet-bench");
        try (NatsServerProcess nats = NatsServerProcess.start(folder.resolve("nats"));
             FakeDiscord discord = new FakeDiscord(16)) {
            Process bot = BotJar.start(discord, Map.of("TOPGIF_FLEET_URL", nats.url()));
            List<FleetAgent> agents = new ArrayList<>();
            try {
                await(discord, r -> r.path().contains("/commands"), Duration.ofSeconds(60));
                // The bot's first minute and a half: the JIT's first compiles, the first connect, the stores made;
                // a window that starts earlier counts the compiler's start-up as the bot's idle cost.
                Thread.sleep(90_000);
                Window alone = measure(seconds, bot.pid(), nats.pid());
                report("bot idle, no hosts", alone);

                FleetSettings settings = settings(nats.url());
                for (int i = 0; i < hosts; i++) {
                    agents.add(FleetAgent.start(settings, new HostName(String.format("bench-host-%02d", i)),
                            Duration.ofSeconds(1), replaying(replay, i), "bench", Clock.systemUTC()));
                }
                Thread.sleep(15_000);
                Window fleet = measure(seconds, bot.pid(), nats.pid());
                double perHostPerSecond = meanWireBytes(replay);
                report("bot idle, " + hosts + " hosts", fleet);
                report("broker, " + hosts + " hosts", new Window(fleet.brokerMs, fleet.topMs, 0));
                System.out.printf(Locale.ROOT, "bytes a host sends a second, one sample's message at 1 Hz: "
                        + "fleet-bytes-per-host-per-second: %.0f (target <= 2000)%n", perHostPerSecond);
                double perHost = (fleet.botMs / fleet.topMs - alone.botMs / alone.topMs) / hosts;
                System.out.printf(Locale.ROOT, "the bot's idle CPU per added host: fleet-bot-idle-per-host-vs-top: "
                        + "%.4fx (target < 0.1)%n", perHost);

                latency(discord, hosts);

                Window agent = agentJvm(nats.url(), seconds);
                System.out.printf(Locale.ROOT, "one agent's whole JVM: %.1f ms, top %.1f ms over %d s -> "
                        + "fleet-agent-cpu-vs-top: %.2fx (target <= 1.0); agent RSS %d MiB%n", agent.botMs,
                        agent.topMs, seconds, agent.botMs / agent.topMs, agent.rssKiB / 1024);
            } finally {
                for (FleetAgent agent : agents) {
                    agent.close();
                }
                bot.destroy();
                bot.waitFor(30, TimeUnit.SECONDS);
            }
        }
        System.exit(0);
    }

    private static FleetSettings settings(String url) {
        return new FleetSettings(FleetServers.parse(url), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(5), Duration.ofMinutes(10),
                Optional.empty());
    }

    private static List<SystemSample> record(int count) throws InterruptedException {
        List<SystemSample> samples = new ArrayList<>();
        try (ProcessSampler sampler = ProcessSampler.forThisHost(CommandLineRedactor.ENABLED)) {
            sampler.sample();
            for (int i = 0; i < count; i++) {
                Thread.sleep(1000);
                samples.add(sampler.sample());
            }
        }
        return samples;
    }

    /** Host {@code i}'s samples: the recorded ones in turn, each host from a different one. */
    private static FleetAgent.SampleSource replaying(List<SystemSample> replay, int i) {
        return new FleetAgent.SampleSource() {
            private int next = i;

            @Override
            public SystemSample sample() {
                return replay.get(next++ % replay.size());
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * 16 /top host: at once, one per guild, five rounds after one that warms the remote path up (as in a bot
     * that has answered before): from the fake's sending to its storing the upload.
     */
    private static void latency(FakeDiscord discord, int hosts) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int round = -1; round < 5; round++) {
            List<Double> thisRound = new ArrayList<>();
            List<FakeDiscord.Interaction> sent = new ArrayList<>();
            for (int g = 0; g < 16; g++) {
                sent.add(discord.sendTop(discord.guildIds().get(g), Map.of("host",
                        String.format("bench-host-%02d", Math.floorMod(round * 16 + g, hosts)))));
            }
            for (FakeDiscord.Interaction interaction : sent) {
                RecordedRequest upload = await(discord, r -> r.isGif() && r.answeredStatus() == 200
                        && r.path().contains(interaction.token()), Duration.ofSeconds(60));
                thisRound.add((upload.receivedNanos() - discord.sentNanos(interaction)) / 1e6);
            }
            System.out.printf(Locale.ROOT, "round %d: slowest %.0f ms%s%n", round + 1,
                    Collections.max(thisRound), round < 0 ? " (warm-up, not counted)" : "");
            if (round >= 0) {
                millis.addAll(thisRound);
            }
            Thread.sleep(2000);
        }
        Collections.sort(millis);
        double p50 = millis.get(millis.size() / 2);
        double p95 = millis.get((int) Math.ceil(millis.size() * 0.95) - 1);
        System.out.printf(Locale.ROOT, "16 /top host: at once, 5 rounds: p50 %.0f ms, p95 %.0f ms, max %.0f ms -> "
                + "fleet-top-host-p95-ms: %.0f (target <= 500)%n", p50, p95, millis.get(millis.size() - 1), p95);
    }

    /** One agent as its image runs it, sampling this host, beside top. */
    private static Window agentJvm(String natsUrl, int seconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("java", "@jvm/resident.options", "-jar", "bot/target/topgif.jar",
                "agent").redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("TOPGIF_FLEET_URL", natsUrl);
        builder.environment().put("TOPGIF_HOST_NAME", "bench-agent-jvm");
        Process agent = builder.start();
        try {
            // At one sample a second C1 is still compiling the agent's path after a minute (34 ms of a 60 s
            // window); two minutes first, as for an agent that has run a while.
            Thread.sleep(120_000);
            Map<String, Long> before = ProcessCpu.threadNanos(agent.pid());
            Window window = measure(seconds, agent.pid(), -1);
            Map<String, Long> after = ProcessCpu.threadNanos(agent.pid());
            System.out.print("the agent's busiest threads:");
            after.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                    .forEach(e -> System.out.printf(Locale.ROOT, " %s %.1f ms;", e.getKey(), e.getValue() / 1e6));
            System.out.println();
            return new Window(window.botMs, window.topMs, ProcessCpu.status(agent.pid(), "VmHWM:"));
        } finally {
            agent.destroy();
            agent.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** CPU of {@code watched} (and of the broker, if given) and of top -d 1, over the same seconds. */
    private record Window(double botMs, double topMs, double brokerMs, long rssKiB) {
        Window(double botMs, double topMs, long rssKiB) {
            this(botMs, topMs, 0, rssKiB);
        }
    }

    private static Window measure(int seconds, long watched, long broker) throws Exception {
        Process top = new ProcessBuilder("top", "-b", "-d", "1").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            Thread.sleep(1500); // top's start-up is not part of what it spends a second
            long watchedBefore = ProcessCpu.processNanos(watched);
            long brokerBefore = broker > 0 ? ProcessCpu.processNanos(broker) : 0;
            long topBefore = ProcessCpu.processNanos(top.pid());
            Thread.sleep(seconds * 1000L);
            return new Window((ProcessCpu.processNanos(watched) - watchedBefore) / 1e6,
                    (ProcessCpu.processNanos(top.pid()) - topBefore) / 1e6,
                    broker > 0 ? (ProcessCpu.processNanos(broker) - brokerBefore) / 1e6 : 0, 0);
        } finally {
            top.destroy();
            top.waitFor();
        }
    }

    private static void report(String what, Window window) {
        System.out.printf(Locale.ROOT, "%-24s %8.1f ms, top %8.1f ms -> %.2fx top%n", what + ":", window.botMs,
                window.topMs, window.botMs / window.topMs);
    }

    /** A sample's message as the agents send it, averaged over the replayed samples, with its subject. */
    private static double meanWireBytes(List<SystemSample> replay) {
        try (SampleEncoder encoder = new SampleEncoder()) {
            HostName host = new HostName("bench-host-00");
            int subject = FleetStreams.subject(HostToken.of(host)).length();
            return replay.stream().mapToInt(sample -> encoder.encode(new HostSample(host, java.time.Instant.now(),
                    sample)).length + subject).average().orElse(0);
        }
    }

    private static RecordedRequest await(FakeDiscord discord, java.util.function.Predicate<RecordedRequest> which,
                                         Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<RecordedRequest> found = discord.requests(which);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the bot did not get that far in " + timeout);
            }
            Thread.sleep(5);
        }
    }
}
