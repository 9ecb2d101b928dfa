package org.topgif.bot.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.topgif.config.TopgifSettings;

/**
 * {@code topgif check}: whether {@code topgif bot} would start with these settings, without connecting to
 * Discord. docker-compose.yml runs it once before the bot, so that a bad setting stops the stack with its one
 * line instead of a bot that exits 78 and is restarted for ever.
 */
final class CheckCommand implements Subcommand {

    private final TopgifSettings settings;

    CheckCommand(TopgifSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String summary() {
        return "check the bot's settings without connecting: exit 0 if it would start, else 78 with the reason";
    }

    @Override
    public String usage() {
        return """
                  (no options: the settings the bot would read, from application.conf and the environment)
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        ParsedOptions.parse(args, Set.of(), Set.of());
        // Every other setting was read, and would have failed, before any subcommand ran.
        if (settings.discord().token().isEmpty()) {
            err.println("topgif: " + BotCommand.NO_TOKEN);
            return TopgifMain.EXIT_CONFIG;
        }
        int schedules = settings.schedules().schedules().size();
        out.println("topgif: the settings are good: a bot token is set, host " + settings.host().name().value() + ", "
                + schedules + (schedules == 1 ? " schedule" : " schedules"));
        return 0;
    }
}
