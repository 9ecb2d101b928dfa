package org.topgif.bot.command;

import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

import java.util.function.LongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one slash command that reports on something (/top-schedules, /top-hosts) with a few lines, only to
 * the one who asked. Thread-safe.
 */
public final class PrivateReportListener extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateReportListener.class);

    private final String command;
    /** The report in a few lines, by the asking guild's id, escaped for chat. */
    private final LongFunction<String> reportFor;
    private final InteractionCallbacks callbacks;

    public PrivateReportListener(String command, LongFunction<String> reportFor, InteractionCallbacks callbacks) {
        this.command = command;
        this.reportFor = reportFor;
        this.callbacks = callbacks;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!event.getName().equals(command)) {
            return;
        }
        String text = event.getGuild() == null ? "/" + command + " works in servers only."
                : reportFor.apply(event.getGuild().getIdLong());
        callbacks.replyEphemeral(event.getIdLong(), event.getToken(), event.getTimeCreated().toInstant(), text)
                .whenComplete((outcome, failed) -> {
                    if (failed != null || !outcome.sent()) {
                        LOG.warn("could not answer /{} ({})", command,
                                failed != null ? failed.toString() : outcome.failure());
                    }
                });
    }
}
