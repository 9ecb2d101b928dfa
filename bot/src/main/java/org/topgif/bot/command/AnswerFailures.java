package org.topgif.bot.command;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.bot.failure.FailureCause;

/** How a /top that cannot be answered is reported: one log line with the cause, and the user told in the reply. */
final class AnswerFailures {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerFailures.class);

    private AnswerFailures() {
    }

    /** Tells the user {@code message}; logs {@code cause} first when there is one. */
    static void tell(TopReply reply, long guildId, String message, Throwable cause) {
        if (cause != null) {
            LOG.warn("guild {}: /top failed: {}", guildId, FailureCause.oneLine(cause));
        }
        reply.tell(message).whenComplete((sent, failure) -> {
            if (failure != null) {
                LOG.warn("guild {}: could not tell the user that /top failed: {}", guildId, failure.toString());
            }
        });
    }
}
