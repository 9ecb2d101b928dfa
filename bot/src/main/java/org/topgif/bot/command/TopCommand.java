package org.topgif.bot.command;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

import org.topgif.config.CommandLimits;
import org.topgif.config.HostName;
import org.topgif.renderer.raster.Theme;
import org.topgif.renderer.screen.Layout;
import org.topgif.renderer.screen.RowOrder;
import org.topgif.renderer.screen.SortKey;

/** The declaration of /top that Discord shows users: its options, their ranges and choices, guild-only. */
public final class TopCommand {

    public static final String NAME = "top";

    private TopCommand() {
    }

    /** The option that names a fleet host; its choices come from the host directory as the user types. */
    public static final String HOST = "host";

    /** @param fleet whether the bot shows a fleet's hosts: then /top has a host option */
    public static SlashCommandData definition(CommandLimits limits, boolean administratorsOnly, boolean fleet) {
        OptionData sort = new OptionData(OptionType.STRING, "sort", "Order of the process rows");
        for (SortKey key : SortKey.values()) {
            sort.addChoice(key.userName(), key.userName());
        }
        OptionData theme = new OptionData(OptionType.STRING, "theme", "Colours of the GIF");
        for (Theme each : Theme.values()) {
            theme.addChoice(each.userName(), each.userName());
        }
        OptionData order = new OptionData(OptionType.STRING, "order",
                "steady: each process keeps its row through the GIF; live: every frame sorts anew");
        for (RowOrder each : RowOrder.values()) {
            order.addChoice(each.userName(), each.userName());
        }
        OptionData layout = new OptionData(OptionType.STRING, "layout",
                "compact: a narrow GIF a phone shows unshrunk; wide: top's whole screen");
        for (Layout each : Layout.values()) {
            layout.addChoice(each.userName(), each.userName());
        }
        SlashCommandData command = Commands.slash(NAME, fleet
                        ? "A host's processes over the last seconds, as an animated GIF"
                        : "This host's processes over the last seconds, as an animated GIF")
                .setContexts(InteractionContextType.GUILD)
                .setIntegrationTypes(IntegrationType.GUILD_INSTALL)
                .setDefaultPermissions(administratorsOnly
                        ? DefaultMemberPermissions.enabledFor(Permission.ADMINISTRATOR)
                        : DefaultMemberPermissions.ENABLED)
                .addOptions(
                        new OptionData(OptionType.INTEGER, "seconds", "How long to record")
                                .setRequiredRange(limits.secondsMin(), limits.secondsMax()),
                        sort,
                        new OptionData(OptionType.STRING, "filter",
                                "Only processes whose name, command or user contains this")
                                .setMaxLength(limits.filterMaxLength()),
                        new OptionData(OptionType.INTEGER, "rows", "How many processes to show")
                                .setRequiredRange(1, limits.rowsMax()),
                        theme,
                        order,
                        new OptionData(OptionType.BOOLEAN, "live",
                                "true: record the next seconds (you wait) instead of showing the last ones"),
                        layout);
        if (fleet) {
            command.addOptions(new OptionData(OptionType.STRING, HOST,
                    "Which host of the fleet, or * for all of them at a glance (default: this bot's)")
                    .setMaxLength(HostName.MAX_LENGTH)
                    .setAutoComplete(true));
        }
        return command;
    }
}
