package org.topgif.bot.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.topgif.renderer.sample.CommandLineRedactor;
import org.topgif.renderer.sample.ProcessSampler;

/**
 * Runs our sampler and {@code top -b -d 1} side by side at 1 Hz for the same number of samples, and prints
 * each one's CPU per sample in steady state and their ratio as the last line.
 *
 * <p>Top's cost is its whole process (schedstat, in nanoseconds); ours is the sampling thread's CPU time,
 * which is the work a sample adds. The whole JVM's CPU is printed beside it for honesty: it also holds what
 * any idle JVM spends (timers, JIT, monitor deflation; about 3 ms/s here), which no sampler can remove, and
 * which at 1 Hz on a small host exceeds all of top's sample.
 */
public final class SamplerBenchmark {

    private static final int JIT_WARMUP_SAMPLES = 500;

    private final int samples;
    private final int warmup;
    private final int extraProcesses;
    private final PrintStream out;
    private final CpuClock clock = new CpuClock();

    public SamplerBenchmark(int samples, int warmup, int extraProcesses, PrintStream out) {
        this.samples = samples;
        this.warmup = warmup;
        this.extraProcesses = extraProcesses;
        this.out = out;
    }

    public void run() throws IOException, InterruptedException {
        List<Process> extras = startIdleProcesses(extraProcesses);
        try {
            measure();
        } finally {
            extras.forEach(Process::destroy);
        }
    }

    private void measure() throws IOException, InterruptedException {
        try (ProcessSampler sampler = ProcessSampler.forThisHost(CommandLineRedactor.ENABLED)) {
            // Steady state means compiled code: a bot samples for days, so let the JIT see enough calls first.
            for (int i = 0; i < JIT_WARMUP_SAMPLES; i++) {
                sampler.sample();
            }
            Thread.sleep(2000); // let the compiler threads finish what the warm-up queued
            measure(sampler, idleJvmNanosPerSecond(Duration.ofSeconds(5)));
        }
    }

    private void measure(ProcessSampler sampler, double idleJvmNanosPerSecond)
            throws IOException, InterruptedException {
        int total = warmup + samples;
        Process top = new ProcessBuilder("top", "-b", "-d", "1", "-n", Integer.toString(total + 1))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long interval = TimeUnit.SECONDS.toNanos(1);
        long start = System.nanoTime();
        long topBefore = 0;
        long threadBefore = 0;
        long jvmBefore = 0;
        long windowStart = 0;
        int processes = 0;
        for (int k = 0; k < total; k++) {
            sleepUntil(start + k * interval);
            if (k == warmup) {
                windowStart = System.nanoTime();
                topBefore = CpuClock.processNanos(top.pid());
                threadBefore = clock.currentThreadNanos();
                jvmBefore = clock.thisProcessNanos();
            }
            processes = sampler.sample().processes().size();
        }
        sleepUntil(start + total * interval);
        double windowSeconds = (System.nanoTime() - windowStart) / 1e9;
        double topPerSample = (CpuClock.processNanos(top.pid()) - topBefore) / 1e6 / samples;
        double threadPerSample = (clock.currentThreadNanos() - threadBefore) / 1e6 / samples;
        double jvmPerSecond = (clock.thisProcessNanos() - jvmBefore) / 1e6 / windowSeconds;
        top.destroy();
        top.waitFor();

        out.printf(Locale.ROOT, "processes: %d, samples: %d at 1 Hz after %d untimed (and %d fast ones for the JIT)%n",
                processes, samples, warmup, JIT_WARMUP_SAMPLES);
        out.printf(Locale.ROOT, "top -b -d 1:                 %6.2f ms CPU per sample%n", topPerSample);
        out.printf(Locale.ROOT, "sampler thread:              %6.2f ms CPU per sample%n", threadPerSample);
        out.printf(Locale.ROOT, "whole JVM while sampling:    %6.2f ms CPU per second (idle, before: %.2f ms/s;"
                + " 10 ms ticks)%n", jvmPerSecond, idleJvmNanosPerSecond / 1e6);
        out.printf(Locale.ROOT, "whole-jvm-cpu-vs-top: %.2fx%n", jvmPerSecond / topPerSample);
        out.printf(Locale.ROOT, "sampler-cpu-vs-top: %.2fx%n", threadPerSample / topPerSample);
    }

    private double idleJvmNanosPerSecond(Duration window) throws InterruptedException {
        long before = clock.thisProcessNanos();
        long started = System.nanoTime();
        Thread.sleep(window.toMillis());
        return (clock.thisProcessNanos() - before) / ((System.nanoTime() - started) / 1e9);
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** Idle processes so that both samplers face a process table the size of a busy host's. */
    private static List<Process> startIdleProcesses(int count) throws IOException {
        List<Process> started = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            started.add(new ProcessBuilder("sleep", "100000").redirectErrorStream(true).start());
        }
        return started;
    }
}
