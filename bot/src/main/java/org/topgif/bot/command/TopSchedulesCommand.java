package org.topgif.bot.command;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** The declaration of /top-schedules: this server's scheduled posts, for those who may manage the server. */
public final class TopSchedulesCommand {

    public static final String NAME = "top-schedules";

    private TopSchedulesCommand() {
    }

    public static SlashCommandData definition() {
        return Commands.slash(NAME, "This server's scheduled process GIFs: when the next is due, how the last went")
                .setContexts(InteractionContextType.GUILD)
                .setIntegrationTypes(IntegrationType.GUILD_INSTALL)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));
    }
}
