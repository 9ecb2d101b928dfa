package org.topgif.bot.command;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.bot.post.GifPipeline;

/**
 * Delivers a /top's GIF into its reply. JDA retries 502-504 itself but never a 500, so a server error is tried
 * again here a few times with a growing pause; then, or on any other error, the user is told in the reply.
 * Stateless apart from its pause; thread-safe.
 */
final class GifDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(GifDelivery.class);
    static final int ATTEMPTS = 3;

    /** Waits between attempts; the thread's sleep in the bot, nothing in tests. */
    @FunctionalInterface
    interface Pause {
        void after(int attempt) throws InterruptedException;
    }

    private final Pause pause;

    GifDelivery(Pause pause) {
        this.pause = pause;
    }

    /** Pauses 500 ms after the first failed attempt, 1 s after the second. */
    static GifDelivery withPauses() {
        return new GifDelivery(attempt -> Thread.sleep(500L * attempt));
    }

    void deliver(TopReply reply, long guildId, GifPipeline.RenderedGif gif) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                reply.deliver(gif);
                return;
            } catch (TopReply.Refused failed) {
                boolean retry = failed.serverError() && attempt < ATTEMPTS;
                LOG.warn("guild {}: upload attempt {} failed: HTTP {}", guildId, attempt, failed.getMessage());
                if (!retry) {
                    AnswerFailures.tell(reply, guildId, failed.serverError()
                            ? "Sorry, Discord would not take the GIF right now (it answered with an error). "
                                    + "Try again in a minute."
                            : "Sorry, Discord refused the GIF: " + failed.meaning(), null);
                    return;
                }
                pause.after(attempt);
            }
        }
    }
}
