package org.topgif.bot;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.topgif.bot.schedule.Sleeper;

/**
 * A clock that stands still until a test moves its horizon: every sleeper wakes at once when its time is
 * within the horizon (and the clock moves there), and waits while it is beyond. Thread-safe: guarded by this.
 */
final class ManualTime extends Clock implements Sleeper {

    private Instant now;
    private Instant horizon;

    ManualTime(Instant start) {
        this.now = start;
        this.horizon = start;
    }

    /** Lets time run up to {@code until}. */
    synchronized void runTo(Instant until) {
        horizon = until;
        notifyAll();
    }

    @Override
    public synchronized void sleepUntil(Instant when) throws InterruptedException {
        while (when.isAfter(horizon)) {
            wait();
        }
        if (when.isAfter(now)) {
            now = when;
        }
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock is in UTC");
    }
}
