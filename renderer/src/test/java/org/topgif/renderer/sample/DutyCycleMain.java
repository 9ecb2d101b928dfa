package org.topgif.renderer.sample;

/** A child process for tests: keeps one CPU busy for the given percentage of every 20 ms, forever. */
public final class DutyCycleMain {

    private DutyCycleMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int percent = Integer.parseInt(args[0]);
        long periodNanos = 20_000_000L;
        long busyNanos = periodNanos * percent / 100;
        long next = System.nanoTime();
        long sink = 0;
        while (true) {
            long start = System.nanoTime();
            while (System.nanoTime() - start < busyNanos) {
                sink++;
            }
            next += periodNanos;
            long idle = next - System.nanoTime();
            if (idle > 0) {
                Thread.sleep(idle / 1_000_000, (int) (idle % 1_000_000));
            }
            if (sink == Long.MIN_VALUE) {
                System.out.println(sink);
            }
        }
    }
}
