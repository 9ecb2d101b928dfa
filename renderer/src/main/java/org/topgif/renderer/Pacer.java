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

    /**
     * Time that jumps to each deadline instead of waiting for it: for drawing made-up or already recorded
     * samples, and for tests, without spending the seconds. A new one per recording; not thread-safe.
     */
    static Pacer instant() {
        return new Pacer() {
            private long now;

            @Override
            public long nanoTime() {
                return now;
            }

            @Override
            public void sleepUntil(long deadlineNanos) {
                now = Math.max(now, deadlineNanos);
            }
        };
    }

    long nanoTime();

    void sleepUntil(long deadlineNanos) throws InterruptedException;
}
