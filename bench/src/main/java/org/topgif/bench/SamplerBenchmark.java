package org.topgif.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.topgif.renderer.TopGifRecorder;
import org.topgif.renderer.gif.AnimatedGifWriter;
import org.topgif.renderer.raster.FrameRasterizer;
import org.topgif.renderer.raster.Theme;
import org.topgif.renderer.sample.CommandLineRedactor;
import org.topgif.renderer.sample.ProcessSampler;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.screen.ScreenLayout;
import org.topgif.renderer.screen.ScreenOptions;

/**
 * Runs our sampler and {@code top -b -d 1} side by side at 1 Hz for the same number of samples, and prints
 * each one's CPU per sample in steady state and their ratio as the last line.
 *
 * <p>Top's cost is its whole process (schedstat, in nanoseconds); ours is the sampling thread's CPU time,
 * which is the work a sample adds. The whole JVM's CPU is printed beside it, thread by thread: it also holds
 * what the JVM spends by itself (JIT, monitor deflation, safepoints). ./topgif runs this bench with the bot's
 * jvm/resident.options, which keep those small; on a small host they still exceed all of top's sample.
 */
public final class SamplerBenchmark {

    private static final int JIT_WARMUP_SAMPLES = 500;
    /** Samples per block for the spread of the ratio: a block's ratio shows how steady the whole one is. */
    private static final int BLOCK_SAMPLES = 10;

    private final int samples;
    private final int warmup;
    private final int extraProcesses;
    private final boolean wholeRecording;
    private final PrintStream out;
    private final CpuClock clock = new CpuClock();

    /**
     * @param wholeRecording also lay out, draw and encode each sample into a GIF, as a recording does,
     *                       instead of sampling alone
     */
    public SamplerBenchmark(int samples, int warmup, int extraProcesses, boolean wholeRecording, PrintStream out) {
        this.wholeRecording = wholeRecording;
        this.samples = samples;
        this.warmup = warmup;
        this.extraProcesses = extraProcesses;
        this.out = out;
    }

    public void run() throws IOException, InterruptedException {
        Optional<Process> extras = startIdleProcesses(extraProcesses);
        try {
            measure();
        } finally {
            extras.ifPresent(SamplerBenchmark::stopIdleProcesses);
        }
    }

    private void measure() throws IOException, InterruptedException {
        try (ProcessSampler sampler = ProcessSampler.forThisHost(CommandLineRedactor.ENABLED)) {
            // Steady state means compiled code: a bot samples for days, so let the JIT see enough calls first.
            Step step = wholeRecording ? new RecordingStep(sampler) : sampler::sample;
            for (int i = 0; i < JIT_WARMUP_SAMPLES; i++) {
                step.run();
            }
            Thread.sleep(2000); // let the compiler threads finish what the warm-up queued
            measure(step, idleJvmNanosPerSecond(Duration.ofSeconds(5)));
        }
    }

    private void measure(Step step, double idleJvmNanosPerSecond)
            throws IOException, InterruptedException {
        int total = warmup + samples;
        Process top = new ProcessBuilder("top", "-b", "-d", "1", "-n", Integer.toString(total + 1))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long interval = TimeUnit.SECONDS.toNanos(1);
        long start = System.nanoTime();
        long jvmBefore = 0;
        long windowStart = 0;
        JvmThreadTimes threadsBefore = null;
        int processes = 0;
        // Both CPU clocks at the window's start and at the end of each full block of it.
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (int k = 0; k < total; k++) {
            sleepUntil(start + k * interval);
            if (k == warmup) {
                windowStart = System.nanoTime();
                jvmBefore = clock.thisProcessNanos();
                threadsBefore = JvmThreadTimes.now();
            }
            if (k >= warmup && (k - warmup) % BLOCK_SAMPLES == 0) {
                checkpoints.add(checkpoint(top));
            }
            processes = step.run().processes().size();
        }
        sleepUntil(start + total * interval);
        double windowSeconds = (System.nanoTime() - windowStart) / 1e9;
        Checkpoint first = checkpoints.get(0);
        Checkpoint end = checkpoint(top);
        if (samples % BLOCK_SAMPLES == 0) {
            checkpoints.add(end);
        }
        List<Double> blockRatios = new ArrayList<>();
        for (int i = 1; i < checkpoints.size(); i++) {
            blockRatios.add(checkpoints.get(i).ratioSince(checkpoints.get(i - 1)));
        }
        double topPerSample = (end.topNanos() - first.topNanos()) / 1e6 / samples;
        double threadPerSample = (end.threadNanos() - first.threadNanos()) / 1e6 / samples;
        double jvmPerSecond = (clock.thisProcessNanos() - jvmBefore) / 1e6 / windowSeconds;
        JvmThreadTimes threadsAfter = JvmThreadTimes.now();
        top.destroy();
        top.waitFor();

        out.printf(Locale.ROOT, "processes: %d, samples: %d at 1 Hz after %d untimed (and %d fast ones for the JIT)%n",
                processes, samples, warmup, JIT_WARMUP_SAMPLES);
        out.printf(Locale.ROOT, "top -b -d 1:                 %6.2f ms CPU per sample%n", topPerSample);
        out.printf(Locale.ROOT, "%-28s %6.2f ms CPU per sample%n",
                wholeRecording ? "recording thread:" : "sampler thread:", threadPerSample);
        out.printf(Locale.ROOT, "whole JVM while sampling:    %6.2f ms CPU per second (idle, before: %.2f ms/s;"
                + " 10 ms ticks)%n", jvmPerSecond, idleJvmNanosPerSecond / 1e6);
        threadsAfter.printSince(threadsBefore, windowSeconds, out);
        out.printf(Locale.ROOT, "whole-jvm-cpu-vs-top: %.2fx%n", jvmPerSecond / topPerSample);
        if (blockRatios.size() >= 2) {
            Collections.sort(blockRatios);
            out.printf(Locale.ROOT, "%s-cpu-vs-top in blocks of %d s: %.2fx to %.2fx, median %.2fx"
                    + " (how far this machine's noise moves it)%n", wholeRecording ? "recording" : "sampler",
                    BLOCK_SAMPLES, blockRatios.get(0), blockRatios.get(blockRatios.size() - 1),
                    blockRatios.get(blockRatios.size() / 2));
        }
        out.printf(Locale.ROOT, "%s-cpu-vs-top: %.2fx%n", wholeRecording ? "recording" : "sampler",
                threadPerSample / topPerSample);
    }

    private Checkpoint checkpoint(Process top) {
        return new Checkpoint(CpuClock.processNanos(top.pid()), clock.currentThreadNanos());
    }

    /** Top's CPU and this thread's at one moment, in nanoseconds. */
    private record Checkpoint(long topNanos, long threadNanos) {
        /** Our CPU over top's since {@code earlier}. */
        double ratioSince(Checkpoint earlier) {
            return (double) (threadNanos - earlier.threadNanos) / (topNanos - earlier.topNanos);
        }
    }

    /** One second's work: a sample, and for a recording also its frame. */
    @FunctionalInterface
    private interface Step {
        SystemSample run();
    }

    /** Sample, screen, frame and GIF, as TopGifRecorder does; a new GIF every minute keeps memory flat. */
    private static final class RecordingStep implements Step {
        private static final int WIDTH = LegibilityBenchmark.DESKTOP_MAX_WIDTH;
        private static final int HEIGHT = LegibilityBenchmark.DESKTOP_MAX_HEIGHT;
        private final ProcessSampler sampler;
        private final FrameRasterizer rasterizer = new FrameRasterizer(WIDTH, HEIGHT, Theme.DARK);
        private final ScreenOptions screen = TopGifRecorder.fit(
                ScreenOptions.defaults().withRows(ScreenOptions.MAX_ROWS), rasterizer);
        private AnimatedGifWriter gif;
        private int frame;

        RecordingStep(ProcessSampler sampler) {
            this.sampler = sampler;
        }

        @Override
        public SystemSample run() {
            if (frame % 60 == 0) {
                if (gif != null) {
                    gif.finish();
                }
                gif = new AnimatedGifWriter(WIDTH, HEIGHT, Theme.DARK.palette(), 0);
            }
            SystemSample sample = sampler.sample();
            gif.addFrame(rasterizer.draw(ScreenLayout.layout(sample, screen), frame % 60, 60), 100);
            frame++;
            return sample;
        }
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

    /**
     * Idle processes so that both samplers face a process table the size of a busy host's. They are the
     * children of one shell, not of this JVM: the JDK gives each child process a thread that waits for it,
     * and a hundred extra JVM threads are not what a bot on a busy host has.
     */
    private static Optional<Process> startIdleProcesses(int count) throws IOException {
        if (count == 0) {
            return Optional.empty();
        }
        Process shell = new ProcessBuilder("sh", "-c",
                "i=0; while [ $i -lt " + count + " ]; do sleep 100000 & i=$((i+1)); done; wait")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (shell.children().count() < count) {
            if (!shell.isAlive() || System.nanoTime() > deadline) {
                stopIdleProcesses(shell);
                throw new IOException("could not start " + count + " idle processes");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return Optional.of(shell);
    }

    private static void stopIdleProcesses(Process shell) {
        shell.children().forEach(ProcessHandle::destroy);
        shell.destroy();
    }
}
