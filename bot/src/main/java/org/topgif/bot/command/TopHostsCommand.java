package org.topgif.bot.command;

import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** The declaration of /top-hosts: the fleet's hosts, when each last reported, their load and processes. */
public final class TopHostsCommand {

    public static final String NAME = "top-hosts";

    private TopHostsCommand() {
    }

    /** @param administratorsOnly as /top's: whoever may ask for a host may see the list */
    public static SlashCommandData definition(boolean administratorsOnly) {
        return Commands.slash(NAME, "The hosts this bot can show: when each last reported, its load and processes")
                .setContexts(InteractionContextType.GUILD)
                .setIntegrationTypes(IntegrationType.GUILD_INSTALL)
                .setDefaultPermissions(administratorsOnly
                        ? DefaultMemberPermissions.enabledFor(net.dv8tion.jda.api.Permission.ADMINISTRATOR)
                        : DefaultMemberPermissions.ENABLED);
    }
}
