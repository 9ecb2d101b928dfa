package org.topgif.bot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.topgif.bot.fake.FakeDiscord;
import org.topgif.bot.fake.RecordedRequest;

/**
 * Bench, not a test: the bot as its image runs it (the jar, jvm/resident.options, the history on) in a JVM of
 * its own, connected to the fake Discord in this one, beside {@code top -b -d 1} on the same host in the
 * same window. Prints the whole bot JVM's CPU (every thread, from /proc/PID/task/N/schedstat) over top's,
 * idle for {@code seconds}, then while answering /top once a minute (for three times as long, or the seconds
 * given), minute by minute so that the JIT's settling shows, and the bot's RSS.
 * Run with {@code bench/bot-idle [seconds] [extra idle processes] [answering seconds]}.
 */
public final class BotIdleBench {

    private BotIdleBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int extra = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int answering = args.length > 2 ? Integer.parseInt(args[2]) : seconds * 3;
        Process extras = extra > 0 ? new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt " + extra
                + " ]; do sleep 100000 & i=$((i+1)); done; wait").start() : null;
        try (FakeDiscord discord = new FakeDiscord(1)) {
            Process child = BotJar.start(discord, Map.of());
            try {
                long guild = discord.guildIds().get(0);
                waitFor(discord, r -> r.path().contains("/commands"), Duration.ofSeconds(60));
                // Warm-up, as a bot that has run for a while: two /top and the JIT's first minute.
                for (int i = 0; i < 2; i++) {
                    top(discord, guild);
                }
                Thread.sleep(45_000);
                System.out.printf(Locale.ROOT, "processes on the host: %d (%d of them added idle)%n",
                        countProcesses(), extra);
                Window idle = measure(child.pid(), seconds, discord, guild, false);
                Window busy = measure(child.pid(), answering, discord, guild, true);
                System.out.printf(Locale.ROOT, "idle:            bot %.1f ms, top %.1f ms over %d s -> bot-idle-cpu-vs-top: %.2fx%n",
                        idle.botMs, idle.topMs, seconds, idle.botMs / idle.topMs);
                System.out.printf(Locale.ROOT, "/top once a min: bot %.1f ms, top %.1f ms over %d s -> bot-answering-cpu-vs-top: %.2fx%n",
                        busy.botMs, busy.topMs, answering, busy.botMs / busy.topMs);
                System.out.printf(Locale.ROOT, "bot RSS now %d MiB, peak %d MiB (target < 128)%n",
                        ProcessCpu.status(child.pid(), "VmRSS:") / 1024, ProcessCpu.status(child.pid(), "VmHWM:") / 1024);
            } finally {
                child.destroy();
                child.waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            if (extras != null) {
                extras.descendants().forEach(ProcessHandle::destroy);
                extras.destroy();
            }
        }
        System.exit(0);
    }

    private record Window(double botMs, double topMs) {
    }

    private static Window measure(long bot, int seconds, FakeDiscord discord, long guild, boolean answering)
            throws Exception {
        Process top = new ProcessBuilder("top", "-b", "-d", "1").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            Thread.sleep(1500); // top's start-up is not part of what it spends a second
            Map<String, Long> threadsBefore = ProcessCpu.threadNanos(bot);
            long topBefore = ProcessCpu.processNanos(top.pid());
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            long nextTop = System.nanoTime();
            Map<String, Long> minuteBefore = threadsBefore;
            long topMinuteBefore = topBefore;
            int minute = 0;
            while (System.nanoTime() < end) {
                if (answering && System.nanoTime() >= nextTop) {
                    if (minute > 0) {
                        // The minute that ends here, by the threads alive at its end, as the whole window is.
                        Map<String, Long> now = ProcessCpu.threadNanos(bot);
                        long topNow = ProcessCpu.processNanos(top.pid());
                        double botMs = spentSince(minuteBefore, now) / 1e6;
                        double topMs = (topNow - topMinuteBefore) / 1e6;
                        System.out.printf(Locale.ROOT, "minute %2d: bot %6.1f ms, top %6.1f ms -> %.2fx%n", minute,
                                botMs, topMs, botMs / topMs);
                        minuteBefore = now;
                        topMinuteBefore = topNow;
                    }
                    minute++;
                    top(discord, guild);
                    nextTop += TimeUnit.SECONDS.toNanos(60);
                }
                long wake = answering ? Math.min(end, nextTop) : end;
                Thread.sleep(Math.max(0, wake - System.nanoTime()) / 1_000_000 + 1);
            }
            if (answering && minute > 0) {
                double botMs = spentSince(minuteBefore, ProcessCpu.threadNanos(bot)) / 1e6;
                double topMs = (ProcessCpu.processNanos(top.pid()) - topMinuteBefore) / 1e6;
                System.out.printf(Locale.ROOT, "minute %2d: bot %6.1f ms, top %6.1f ms -> %.2fx%n", minute, botMs,
                        topMs, botMs / topMs);
            }
            // Per thread, from the threads alive at the end: an answer thread idle for a minute ends and takes
            // its whole CPU time with it, so a sum over the process's threads would drop by what it spent before.
            List<Map.Entry<String, Long>> spent = ProcessCpu.threadNanos(bot).entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .toList();
            Window window = new Window(spent.stream().mapToLong(Map.Entry::getValue).sum() / 1e6,
                    (ProcessCpu.processNanos(top.pid()) - topBefore) / 1e6);
            System.out.printf(Locale.ROOT, "%s, the bot's busiest threads:", answering ? "answering" : "idle");
            spent.stream()
                    .limit(6).forEach(e -> System.out.printf(Locale.ROOT, " %s %.1f ms;", e.getKey(), e.getValue() / 1e6));
            System.out.println();
            return window;
        } finally {
            top.destroy();
            top.waitFor();
        }
    }

    /** What the threads alive in {@code now} spent since {@code before} (all of it for a thread new since then). */
    private static long spentSince(Map<String, Long> before, Map<String, Long> now) {
        return now.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .sum();
    }

    private static void top(FakeDiscord discord, long guild) throws Exception {
        FakeDiscord.Interaction interaction = discord.sendTop(guild, Map.of());
        waitFor(discord, r -> r.isGif() && r.answeredStatus() == 200 && r.path().contains(interaction.token()),
                Duration.ofSeconds(60));
    }

    private static void waitFor(FakeDiscord discord, java.util.function.Predicate<RecordedRequest> which,
                                Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (discord.requests(which).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the bot did not get that far in " + timeout);
            }
            Thread.sleep(20);
        }
    }

    private static long countProcesses() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).count();
        }
    }
}
