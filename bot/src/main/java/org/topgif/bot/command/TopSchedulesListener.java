package org.topgif.bot.command;

import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

import java.util.function.LongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers /top-schedules with this server's schedules, only to the one who asked. Thread-safe. */
public final class TopSchedulesListener extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(TopSchedulesListener.class);

    /** A guild's schedules in a few lines, by the guild's id: the schedules' own report. */
    private final LongFunction<String> reportFor;
    private final InteractionCallbacks callbacks;

    public TopSchedulesListener(LongFunction<String> reportFor, InteractionCallbacks callbacks) {
        this.reportFor = reportFor;
        this.callbacks = callbacks;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!event.getName().equals(TopSchedulesCommand.NAME)) {
            return;
        }
        String text = event.getGuild() == null ? "/top-schedules works in servers only."
                : reportFor.apply(event.getGuild().getIdLong());
        callbacks.replyEphemeral(event.getIdLong(), event.getToken(), event.getTimeCreated().toInstant(), text)
                .whenComplete((outcome, failed) -> {
                    if (failed != null || !outcome.sent()) {
                        LOG.warn("could not answer /top-schedules ({})",
                                failed != null ? failed.toString() : outcome.failure());
                    }
                });
    }
}
