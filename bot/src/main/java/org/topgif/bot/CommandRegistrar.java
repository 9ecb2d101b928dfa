package org.topgif.bot;

import java.util.List;
import java.util.Optional;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the bot's commands globally or in the configured guilds, only where Discord's copy differs from ours, so a
 * restart does not re-register needlessly (global changes take Discord up to an hour to spread).
 */
final class CommandRegistrar {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRegistrar.class);

    private CommandRegistrar() {
    }

    static void register(JDA jda, List<SlashCommandData> commands, List<Long> guildIds) {
        for (SlashCommandData command : commands) {
            register(jda, command, guildIds);
        }
    }

    private static void register(JDA jda, SlashCommandData command, List<Long> guildIds) {
        if (guildIds.isEmpty()) {
            if (differs(jda.retrieveCommands().complete(), command)) {
                jda.upsertCommand(command).complete();
                LOG.info("registered /{} globally", command.getName());
            } else {
                LOG.info("/{} is registered globally already", command.getName());
            }
            return;
        }
        for (long guildId : guildIds) {
            Guild guild = jda.getGuildById(guildId);
            if (guild == null) {
                LOG.warn("guild {} is configured but the bot is not in it: invite the bot there first", guildId);
                continue;
            }
            if (differs(guild.retrieveCommands().complete(), command)) {
                guild.upsertCommand(command).complete();
                LOG.info("registered /{} in guild {}", command.getName(), guildId);
            } else {
                LOG.info("/{} is registered in guild {} already", command.getName(), guildId);
            }
        }
    }

    /** Whether Discord's commands lack ours or hold a different version of it. */
    static boolean differs(List<Command> registered, SlashCommandData ours) {
        Optional<Command> same = registered.stream().filter(c -> c.getName().equals(ours.getName())).findFirst();
        return same.isEmpty() || !CommandData.fromCommand(same.get()).toData().toMap().equals(ours.toData().toMap());
    }
}
