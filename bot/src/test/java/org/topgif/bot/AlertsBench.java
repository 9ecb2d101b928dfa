package org.topgif.bot;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.topgif.bot.fake.FakeDiscord;
import org.topgif.config.AlertRule;
import org.topgif.renderer.sample.CommandLineRedactor;
import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.ProcessSampler;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.sample.TaskCounts;

/**
 * Bench, not a test: what alerts cost and how soon they speak. First, ten rules checked against a sample of this
 * host, the CPU time per sample against {@code top -b -d 1}'s per sample, measured in the same run. Then, with
 * the bot against the fake Discord, samples of this host handed to its history one a second of a clock the
 * bench moves, a hog added to them: the time from the sample with which the rule has held for {@code for} to
 * the stored message, and from the one with which it has not held for as long to the stored edit, over
 * {@code episodes} episodes. Run with {@code bench/alerts [episodes, default 20]}.
 */
public final class AlertsBench {

    private static final List<String> TEN_RULES = List.of("host-cpu > 90%", "memory > 90%", "load-per-core > 2",
            "process-cpu > 80%", "process-memory > 2GiB", "host-cpu > 99%", "memory > 99%", "load-per-core > 8",
            "process-cpu > 300%", "process-memory > 64GiB");

    private AlertsBench() {
    }

    public static void main(String[] args) throws Exception {
        int episodes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        SystemSample sample;
        try (ProcessSampler sampler = ProcessSampler.forThisHost(CommandLineRedactor.ENABLED)) {
            sampler.sample();
            Thread.sleep(1000);
            sample = sampler.sample();
        }
        ruleCost(sample);
        latency(sample, episodes);
        webhookLatency(sample, episodes);
        clickLatency(sample, episodes);
        System.exit(0);
    }

    private static void ruleCost(SystemSample sample) throws Exception {
        List<AlertRule> rules = TEN_RULES.stream().map(rule -> AlertRule.parse(rule).orElseThrow()).toList();
        int cores = Runtime.getRuntime().availableProcessors();
        int breaches = 0;
        for (int i = 0; i < 20_000; i++) { // warm up
            for (AlertRule rule : rules) {
                breaches += rule.check(sample, cores).isPresent() ? 1 : 0;
            }
        }
        int rounds = 20_000;
        long cpuBefore = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            for (AlertRule rule : rules) {
                breaches += rule.check(sample, cores).isPresent() ? 1 : 0;
            }
        }
        double tenRulesMs = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
                - cpuBefore) / 1e6 / rounds;
        Process top = new ProcessBuilder("top", "-b", "-d", "1").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        double topMs;
        try {
            Thread.sleep(1500); // top's start-up is not what it spends a sample
            long topBefore = ProcessCpu.processNanos(top.pid());
            Thread.sleep(10_000);
            topMs = (ProcessCpu.processNanos(top.pid()) - topBefore) / 1e6 / 10;
        } finally {
            top.destroy();
            top.waitFor();
        }
        System.out.printf(Locale.ROOT, "ten rules on a sample of %d processes: %.4f ms (%d breaches seen); top -d 1: "
                + "%.2f ms a sample%nten-rules-vs-top: %.4fx%n", sample.processes().size(), tenRulesMs,
                breaches, topMs, tenRulesMs / topMs);
    }

    private static SystemSample withHog(SystemSample sample, int second) {
        List<ProcessRow> rows = new ArrayList<>(sample.processes());
        rows.add(new ProcessRow(999_999, "bench", 20, 0, 1000, 500, 100, 'R', 150, 0.1, second * 150L, "hog",
                "hog --spin"));
        return new SystemSample(sample.time(), sample.uptime(), sample.userSessions(), sample.load(),
                TaskCounts.of(rows), sample.cpu(), sample.memory(), rows);
    }

    private static void latency(SystemSample sample, int episodes) throws Exception {
        Instant start = Instant.parse("2026-12-07T14:00:00Z");
        ManualTime time = new ManualTime(start);
        PushedSamples host = new PushedSamples(30);
        List<Long> fired = new ArrayList<>();
        List<Long> resolved = new ArrayList<>();
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            try (BotHarness harness = BotHarness.start(discord, Map.of("TOPGIF_HISTORY_SECONDS", "30"),
                    "topgif.alerts = [ { channel = \"" + channel + "\", rule = \"process-cpu > 80%\", for = 10s, "
                            + "cooldown = 0s } ]", host, time)) {
                int second = 0;
                // A history that reaches for + 10 s back, as one a while after start-up does.
                for (; second < 20; second++) {
                    push(host, time, start, second, sample);
                }
                for (int episode = 0; episode < episodes; episode++) {
                    int posts = discord.storedMessages(channel).size();
                    for (int held = 0; held <= 10; held++) {
                        second++;
                        long pushed = push(host, time, start, second, withHog(sample, second));
                        if (held == 10) {
                            fired.add(until(() -> discord.storedMessages(channel).size() > posts) - pushed);
                        }
                    }
                    int edits = discord.editsOf(channel).size();
                    for (int clear = 0; clear <= 10; clear++) {
                        second++;
                        long pushed = push(host, time, start, second, sample);
                        if (clear == 10) {
                            resolved.add(until(() -> discord.editsOf(channel).size() > edits) - pushed);
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d episodes: rule held -> message stored p50 %.0f ms, p95 %.0f ms; rule clear "
                + "-> edit stored p50 %.0f ms, p95 %.0f ms%n", episodes, percentile(fired, 50), percentile(fired, 95),
                percentile(resolved, 50), percentile(resolved, 95));
    }

    /** From an Alertmanager webhook posted to the receiver to its message stored in the fake Discord. */
    private static void webhookLatency(SystemSample sample, int alerts) throws Exception {
        PushedSamples host = new PushedSamples(30);
        Instant start = Instant.parse("2026-12-07T14:00:00Z");
        ManualTime time = new ManualTime(start);
        for (int second = 0; second < 30; second++) {
            push(host, time, start, second, sample);
        }
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        List<Long> stored = new ArrayList<>();
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            try (BotHarness harness = BotHarness.start(discord, Map.of("TOPGIF_ALERTMANAGER_LISTEN", "127.0.0.1:"
                    + port, "TOPGIF_ALERTMANAGER_TOKEN", "bench", "TOPGIF_ALERTMANAGER_CHANNEL",
                    Long.toString(channel)), "", host, time)) {
                for (int i = 0; i <= alerts; i++) {
                    int before = discord.storedMessages(channel).size();
                    String body = "{\"alerts\":[{\"status\":\"firing\",\"fingerprint\":\"" + Integer.toHexString(
                            0x1000 + i) + "\",\"labels\":{\"alertname\":\"Bench\",\"instance\":\"testhost:9100\"}}]}";
                    long sent = System.nanoTime();
                    client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                            + "/alertmanager")).header("Authorization", "Bearer bench")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding());
                    long done = until(() -> discord.storedMessages(channel).size() > before);
                    if (i > 0) { // the first one warms up
                        stored.add(done - sent);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d webhooks: posted -> message stored p50 %.0f ms, p95 %.0f ms%n", alerts,
                percentile(stored, 50), percentile(stored, 95));
    }

    /** From a click on an answer's Again to the message clicked edited with the new GIF. */
    private static void clickLatency(SystemSample sample, int clicks) throws Exception {
        PushedSamples host = new PushedSamples(30);
        Instant start = Instant.parse("2026-12-07T14:00:00Z");
        ManualTime time = new ManualTime(start);
        for (int second = 0; second < 30; second++) {
            push(host, time, start, second, sample);
        }
        List<Long> edited = new ArrayList<>();
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long guild = discord.guildIds().get(0);
            try (BotHarness harness = BotHarness.start(discord, Map.of("TOPGIF_RATE_LIMIT_BURST", "100"), "", host,
                    time)) {
                FakeDiscord.Interaction top = discord.sendTop(guild, Map.of("seconds", 12));
                org.topgif.bot.fake.RecordedRequest answer = harness.await(r -> r.method().equals("PATCH")
                        && r.isGif() && r.path().contains(top.token()), Duration.ofSeconds(30));
                String again = answer.json().orElseThrow().getArray("components").getObject(0)
                        .getArray("components").getObject(0).getString("custom_id");
                for (int i = 0; i <= clicks; i++) {
                    long clicked = System.nanoTime();
                    FakeDiscord.Interaction click = discord.click(guild, answer, again);
                    long done = until(() -> !discord.requests(r -> r.method().equals("PATCH") && r.isGif()
                            && r.path().contains(click.token())).isEmpty());
                    if (i > 0) { // the first one warms up
                        edited.add(done - clicked);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d clicks on Again: clicked -> message edited p50 %.0f ms, p95 %.0f ms%n",
                clicks, percentile(edited, 50), percentile(edited, 95));
    }

    private static long push(PushedSamples host, ManualTime time, Instant start, int second, SystemSample sample)
            throws InterruptedException {
        time.runTo(start.plusSeconds(second));
        time.sleepUntil(start.plusSeconds(second));
        long now = System.nanoTime();
        host.push(new SystemSample(LocalTime.of(14, 0).plusSeconds(second), sample.uptime(), sample.userSessions(),
                sample.load(), sample.tasks(), sample.cpu(), sample.memory(), sample.processes()));
        return now;
    }

    private static long until(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no message within 30 s");
            }
            Thread.sleep(1);
        }
        return System.nanoTime();
    }

    private static double percentile(List<Long> nanos, int percent) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
