package org.topgif.renderer;

/** Time for a recording: a monotonic clock and a way to wait until a point on it. */
public interface Pacer {

    /** The real clock: System.nanoTime and parking until the deadline. */
    Pacer SYSTEM = new Pacer() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadlineNanos) throws InterruptedException {
            long left;
            while ((left = deadlineNanos - System.nanoTime()) > 0) {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            }
        }
    };

    long nanoTime();

    void sleepUntil(long deadlineNanos) throws InterruptedException;
}
