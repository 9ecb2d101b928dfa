package org.topgif.bot.command;

import java.util.List;

import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.RecordingProgress;
import org.topgif.renderer.sample.SystemSample;

/** Where a request's samples come from: this host in the bot, a made-up host in tests. */
@FunctionalInterface
public interface Recordings {

    /** Records {@code plan.frames()} samples, one per interval, telling {@code progress} after each. */
    List<SystemSample> record(RecordingPlan plan, RecordingProgress progress) throws InterruptedException;
}
