package org.topgif.bot.cli;

import java.util.Set;

import org.topgif.renderer.screen.ScreenOptions;
import org.topgif.renderer.screen.SortKey;

/** The layout options every drawing subcommand takes, applied over the configured defaults. */
final class ScreenFlags {

    static final Set<String> VALUED = Set.of("rows", "columns", "sort", "filter");
    static final Set<String> FLAGS = Set.of("short-commands");
    static final String USAGE = """
              --rows N            process rows below the summary (0-%d)
              --columns N         characters per line (%d-%d)
              --sort KEY          order rows by %s
              --filter TEXT       only processes whose name, command line or user contains TEXT
              --short-commands    show process names instead of full command lines
            """.formatted(ScreenOptions.MAX_ROWS, ScreenOptions.MIN_COLUMNS, ScreenOptions.MAX_COLUMNS,
            SortKey.choices());

    private ScreenFlags() {
    }

    static ScreenOptions apply(ParsedOptions options, ScreenOptions defaults) throws UsageException {
        String filter = options.value("filter").orElse(defaults.filter());
        if (filter.length() > ScreenOptions.MAX_FILTER_LENGTH) {
            throw new UsageException("--filter: expected at most " + ScreenOptions.MAX_FILTER_LENGTH + " characters");
        }
        return new ScreenOptions(
                options.choice("sort", defaults.sort(), SortKey::parse, SortKey.choices()),
                filter,
                options.intIn("rows", defaults.rows(), 0, ScreenOptions.MAX_ROWS),
                options.intIn("columns", defaults.columns(), ScreenOptions.MIN_COLUMNS, ScreenOptions.MAX_COLUMNS),
                !options.flag("short-commands") && defaults.fullCommands());
    }
}
