package org.topgif.bot.command;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.topgif.renderer.RecordingProgress;

/**
 * Shows "Recording… 4/12 s" in the deferred reply, no more often than the interval, so a long recording
 * does not spend Discord's rate limit on progress. Belongs to one recording's thread.
 */
final class ProgressEditor implements RecordingProgress {

    private final TopReply reply;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long lastEdit;
    private boolean edited;

    ProgressEditor(TopReply reply, Duration interval, LongSupplier nanoClock) {
        this.reply = reply;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    @Override
    public void frameRecorded(int done, int total) {
        long now = nanoClock.getAsLong();
        if (done == total || (edited && now - lastEdit < intervalNanos)) {
            return;
        }
        edited = true;
        lastEdit = now;
        reply.show("Recording… " + done + "/" + total + " s");
    }
}
