package org.topgif.bot.command;

import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.bot.schedule.ScheduledPosts;

/** Answers /top-schedules with this server's schedules, only to the one who asked. Thread-safe. */
public final class TopSchedulesListener extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(TopSchedulesListener.class);

    private final ScheduledPosts schedules;
    private final InteractionCallbacks callbacks;

    public TopSchedulesListener(ScheduledPosts schedules, InteractionCallbacks callbacks) {
        this.schedules = schedules;
        this.callbacks = callbacks;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!event.getName().equals(TopSchedulesCommand.NAME)) {
            return;
        }
        String text = event.getGuild() == null ? "/top-schedules works in servers only."
                : schedules.reportFor(event.getGuild().getIdLong());
        callbacks.replyEphemeral(event.getIdLong(), event.getToken(), event.getTimeCreated().toInstant(), text)
                .whenComplete((outcome, failed) -> {
                    if (failed != null || !outcome.sent()) {
                        LOG.warn("could not answer /top-schedules ({})",
                                failed != null ? failed.toString() : outcome.failure());
                    }
                });
    }
}
