package org.topgif.bot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.topgif.bot.fake.FakeDiscord;
import org.topgif.fleet.nats.NatsServerProcess;

/**
 * Bench, not a test: two bots on one token with a standby lease, each a JVM of its own as the image runs it,
 * against the fake Discord in this JVM and a real nats-server. After a warm-up, prints each bot JVM's CPU over
 * {@code top -b -d 1}'s in the same window (the active one samples and holds the lease; the standby only looks
 * at the lease), then kills the active one with SIGKILL and prints how long until the standby's gateway
 * session begins. Run with {@code bench/standby [seconds, default 60] [lease TTL, default 15s]}.
 */
public final class StandbyBench {

    /** IDENTIFY: a client starting a gateway session. */
    private static final int IDENTIFY = 2;

    private StandbyBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        String ttl = args.length > 1 ? args[1] : "15s";
        Path store = Files.createTempDirectory("standby-bench");
        try (NatsServerProcess nats = NatsServerProcess.start(store); FakeDiscord discord = new FakeDiscord(1)) {
            Map<String, String> environment = Map.of("TOPGIF_FLEET_URL", nats.url(), "TOPGIF_STANDBY_ENABLED", "true",
                    "TOPGIF_STANDBY_LEASE_TTL", ttl);
            Process active = BotJar.start(discord, environment);
            Process standby = null;
            try {
                await(() -> identifies(discord) == 1, Duration.ofSeconds(60));
                standby = BotJar.start(discord, environment);
                // The JIT's first minute, in both.
                Thread.sleep(60_000);
                Process top = new ProcessBuilder("top", "-b", "-d", "1").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                try {
                    Thread.sleep(1500); // top's start-up is not part of what it spends a second
                    long activeBefore = ProcessCpu.processNanos(active.pid());
                    long standbyBefore = ProcessCpu.processNanos(standby.pid());
                    long topBefore = ProcessCpu.processNanos(top.pid());
                    Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
                    double activeMs = (ProcessCpu.processNanos(active.pid()) - activeBefore) / 1e6;
                    double standbyMs = (ProcessCpu.processNanos(standby.pid()) - standbyBefore) / 1e6;
                    double topMs = (ProcessCpu.processNanos(top.pid()) - topBefore) / 1e6;
                    System.out.printf(Locale.ROOT, "over %d s, lease TTL %s: active bot %.1f ms, standby %.1f ms, "
                            + "top -d 1 %.1f ms%n", seconds, ttl, activeMs, standbyMs, topMs);
                    System.out.printf(Locale.ROOT, "active-cpu-vs-top: %.2fx%nstandby-cpu-vs-top: %.2fx%n",
                            activeMs / topMs, standbyMs / topMs);
                } finally {
                    top.destroy();
                    top.waitFor();
                }
                long killed = System.nanoTime();
                active.destroyForcibly().waitFor();
                await(() -> identifies(discord) == 2, Duration.ofSeconds(120));
                System.out.printf(Locale.ROOT, "kill -9 of the active bot: the standby's gateway session began %d ms "
                        + "later%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
            } finally {
                active.destroyForcibly();
                if (standby != null) {
                    standby.destroyForcibly();
                }
            }
        }
        System.exit(0);
    }

    private static long identifies(FakeDiscord discord) {
        return discord.gatewayOps().stream().filter(op -> op == IDENTIFY).count();
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within " + timeout);
            }
            Thread.sleep(20);
        }
    }
}
