package org.topgif.bot.command;

import java.time.Duration;
import java.util.function.LongSupplier;

import net.dv8tion.jda.api.interactions.InteractionHook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.bot.post.ChatText;
import org.topgif.renderer.RecordingProgress;

/**
 * Shows "Recording… 4/12 s" in the deferred reply, no more often than the interval, so a long recording
 * does not spend Discord's rate limit on progress. Belongs to one recording's thread.
 */
final class ProgressEditor implements RecordingProgress {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressEditor.class);

    private final InteractionHook hook;
    private final long guildId;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long lastEdit;
    private boolean edited;

    ProgressEditor(InteractionHook hook, long guildId, Duration interval, LongSupplier nanoClock) {
        this.hook = hook;
        this.guildId = guildId;
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
        hook.editOriginal("Recording… " + done + "/" + total + " s").setAllowedMentions(ChatText.noMentions())
                .queue(null, failure -> LOG.debug("guild {}: progress edit failed", guildId, failure));
    }
}
