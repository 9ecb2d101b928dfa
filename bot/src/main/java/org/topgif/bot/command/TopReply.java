package org.topgif.bot.command;

import java.util.concurrent.CompletableFuture;

import org.topgif.bot.post.GifPipeline;

/**
 * The deferred reply to one /top as the jobs that answer it see it: text to show, a GIF to deliver. No JDA in
 * it, so that those jobs can be tested without a client; {@link HookReply} is the one on Discord.
 */
interface TopReply {

    /** Replaces the reply's text (progress, a place in line), best effort: a lost edit is only logged. */
    void show(String text);

    /**
     * Replaces the reply with the GIF and its line; returns when Discord has it.
     *
     * @throws Refused when Discord answers with an error
     */
    void deliver(GifPipeline.RenderedGif gif) throws Refused;

    /** Replaces the reply with {@code text} and no file; completes when Discord has it. */
    CompletableFuture<?> tell(String text);

    /** Discord's error answer to a delivery. */
    final class Refused extends Exception {

        private static final long serialVersionUID = 1L;

        private final boolean serverError;
        private final String meaning;

        Refused(boolean serverError, int code, String meaning) {
            super(code + " " + meaning);
            this.serverError = serverError;
            this.meaning = meaning;
        }

        /** A 5xx: the same delivery may succeed a moment later. */
        boolean serverError() {
            return serverError;
        }

        /** Discord's words for the error. */
        String meaning() {
            return meaning;
        }
    }
}
