package org.topgif.bot.command;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;

import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.bot.hosts.FleetView;
import org.topgif.bot.post.TopButtons;

/**
 * Dispatches /top: refuses what is not for it (outside a server, while stopping) and what {@link TopAdmission}
 * refuses, privately and at once; acknowledges what it takes within Discord's 3 s through
 * {@link InteractionCallbacks} (which retries a failed callback), and leaves the answer to the job it queued
 * ({@link TopAnswer}). Holds only thread-safe collaborators and one volatile flag, so JDA may call it from any
 * number of threads.
 */
public final class TopCommandListener extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(TopCommandListener.class);

    private final TopAdmission admission;
    private final InteractionCallbacks callbacks;
    private final TopAnswers answers;
    private final FleetView hosts;
    /** Whether /top is for administrators only: then so are its buttons, which Discord does not guard. */
    private final boolean administratorsOnly;
    /** Set once when the bot begins to stop; new requests are told to come back. */
    private volatile boolean stopping;

    /** @param hosts the hosts /top's host option offers as the user types */
    public TopCommandListener(TopAdmission admission, InteractionCallbacks callbacks, TopAnswers answers,
                              FleetView hosts, boolean administratorsOnly) {
        this.hosts = hosts;
        this.administratorsOnly = administratorsOnly;
        this.admission = admission;
        this.callbacks = callbacks;
        this.answers = answers;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!event.getName().equals(TopCommand.NAME)) {
            return;
        }
        if (event.getGuild() == null) {
            refuse(event, 0, "/top works in servers only.");
            return;
        }
        long guildId = event.getGuild().getIdLong();
        if (stopping) {
            refuse(event, guildId, "The bot is restarting; try again in a minute.");
            return;
        }
        // Our own callback, so the reply is edited through a hook that does not depend on JDA's.
        TopReply reply = new HookReply(InteractionHook.from(event.getJDA(), event.getToken()), guildId,
                controls(name -> option(event, name)), false);
        TopAdmission.Decision decision = admission.admit(guildId, name -> option(event, name), reply);
        if (decision instanceof TopAdmission.Decision.Refused refused) {
            refuse(event, guildId, refused.message());
            return;
        }
        TopAdmission.Decision.Taken taken = (TopAdmission.Decision.Taken) decision;
        callbacks.defer(event.getIdLong(), event.getToken(), event.getTimeCreated().toInstant())
                .whenComplete((outcome, failed) -> admission.acknowledged(taken, guildId, outcome, failed));
    }

    /**
     * A click on a /top answer's button asks as the command did (Again) or with the other sort, and edits the
     * message clicked with the new GIF; it is checked and limited as the command is, and who may not use /top
     * may not click either.
     */
    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        clicked(event, TopButtons.click(event.getComponentId()));
    }

    /** A host chosen in the menu under an answer: the same as Again, for that host. */
    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        Optional<Map<String, String>> options = TopButtons.click(event.getComponentId());
        if (options.isPresent() && event.getValues().size() == 1) {
            Map<String, String> chosen = new HashMap<>(options.get());
            chosen.put(TopCommand.HOST, event.getValues().get(0));
            clicked(event, Optional.of(chosen));
        } else {
            clicked(event, Optional.empty());
        }
    }

    private void clicked(GenericComponentInteractionCreateEvent event, Optional<Map<String, String>> options) {
        long guildId = event.getGuild() == null ? 0 : event.getGuild().getIdLong();
        if (options.isEmpty()) {
            refuse(event, guildId, "This button is from another version of topgif; use /top.");
            return;
        }
        if (guildId == 0) {
            refuse(event, 0, "/top works in servers only.");
            return;
        }
        if (administratorsOnly && (event.getMember() == null
                || !event.getMember().hasPermission(Permission.ADMINISTRATOR))) {
            refuse(event, guildId, "Only administrators may use /top in this server.");
            return;
        }
        if (stopping) {
            refuse(event, guildId, "The bot is restarting; try again in a minute.");
            return;
        }
        TopReply reply = new HookReply(InteractionHook.from(event.getJDA(), event.getToken()), guildId,
                controls(options.get()::get), true);
        TopAdmission.Decision decision = admission.admit(guildId, options.get()::get, reply);
        if (decision instanceof TopAdmission.Decision.Refused refused) {
            refuse(event, guildId, refused.message());
            return;
        }
        TopAdmission.Decision.Taken taken = (TopAdmission.Decision.Taken) decision;
        callbacks.deferUpdate(event.getIdLong(), event.getToken(), event.getTimeCreated().toInstant())
                .whenComplete((outcome, failed) -> admission.acknowledged(taken, guildId, outcome, failed));
    }

    /** The buttons under an answer to {@code option}, and with a fleet the menu of its hosts. */
    private List<TopButtons.Control> controls(java.util.function.UnaryOperator<String> option) {
        return TopButtons.of(option, hosts.menu());
    }

    /** Offers the fleet's hosts that match what the user typed so far; no reply is no harm, so none is retried. */
    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        if (!event.getName().equals(TopCommand.NAME) || !event.getFocusedOption().getName().equals(TopCommand.HOST)) {
            return;
        }
        event.replyChoiceStrings(hosts.choices(event.getFocusedOption().getValue())).queue(null,
                failed -> LOG.debug("could not offer hosts: {}", failed.toString()));
    }

    /** From now on, new requests are told that the bot is restarting. */
    public void stopTaking() {
        stopping = true;
    }

    /** Tells the users of requests that will never start (the bot is stopping). */
    public void tellWaiting(List<Runnable> neverStarted) {
        answers.tellWaiting(neverStarted);
    }

    /**
     * Tells the users whose recordings are still running, when the bot stops before they finish, and waits up
     * to {@code timeout} for Discord to take the messages.
     */
    public void tellStillRunning(Duration timeout) throws InterruptedException {
        answers.tellStillRunning(timeout);
    }

    private void refuse(GenericInteractionCreateEvent event, long guildId, String message) {
        callbacks.replyEphemeral(event.getIdLong(), event.getToken(), event.getTimeCreated().toInstant(), message)
                .whenComplete((outcome, failed) -> {
                    if (failed != null || !outcome.sent()) {
                        LOG.warn("guild {}: could not answer /top ({})", guildId,
                                failed != null ? failed.toString() : outcome.failure());
                    }
                });
    }

    private static String option(SlashCommandInteractionEvent event, String name) {
        OptionMapping option = event.getOption(name);
        return option == null ? null : option.getAsString();
    }
}
