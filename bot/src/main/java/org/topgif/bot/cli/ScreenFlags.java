package org.topgif.bot.cli;

import java.util.Set;

import org.topgif.renderer.screen.Field;
import org.topgif.renderer.screen.Fields;
import org.topgif.renderer.screen.Layout;
import org.topgif.renderer.screen.RowOrder;
import org.topgif.renderer.screen.ScreenOptions;
import org.topgif.renderer.screen.SortKey;

/** The layout options every drawing subcommand takes, applied over the configured defaults. */
final class ScreenFlags {

    static final Set<String> VALUED = Set.of("rows", "columns", "sort", "filter", "fields", "order", "layout");
    static final Set<String> FLAGS = Set.of("short-commands", "full-commands");
    static final String USAGE = """
              --rows N            process rows below the summary (0-%d)
              --columns N         characters per line (%d-%d)
              --sort KEY          order rows by %s
              --filter TEXT       only processes whose name, command line or user contains TEXT
              --fields LIST       columns by top's names, e.g. PID,USER,%%CPU,%%MEM,COMMAND (%s); top (the
                                  default): top's columns, less VIRT, SHR, PR, NI while COMMAND gets under %d
              --order ORDER       steady: a GIF's rows stay in place; live: each frame sorts anew
              --layout LAYOUT     wide: top's screen; compact: a 320-pixel GIF of %%CPU, %%MEM and COMMAND that a
                                  phone shows unshrunk (render's --width then defaults to 320)
              --full-commands     show command lines (from the program's base name) instead of program names
              --short-commands    show program names (the default)
            """.formatted(ScreenOptions.MAX_ROWS, ScreenOptions.MIN_COLUMNS, ScreenOptions.MAX_COLUMNS,
            SortKey.choices(), Field.choices(), Fields.COMMAND_ROOM);

    private ScreenFlags() {
    }

    static ScreenOptions apply(ParsedOptions options, ScreenOptions defaults) throws UsageException {
        String filter = options.value("filter").orElse(defaults.filter());
        if (filter.length() > ScreenOptions.MAX_FILTER_LENGTH) {
            throw new UsageException("--filter: expected at most " + ScreenOptions.MAX_FILTER_LENGTH + " characters");
        }
        boolean full = options.flag("full-commands") || !options.flag("short-commands") && defaults.fullCommands();
        Fields fields = defaults.fields();
        if (options.value("fields").isPresent()) {
            Fields.Parsed parsed = Fields.parse(options.value("fields").get());
            if (parsed.problem().isPresent()) {
                throw new UsageException("--fields: " + parsed.problem().get());
            }
            fields = parsed.fields();
        }
        Layout layout = options.choice("layout", defaults.layout(), Layout::parse, Layout.choices());
        return new ScreenOptions(
                options.choice("sort", defaults.sort(), SortKey::parse, SortKey.choices()),
                filter,
                options.intIn("rows", defaults.rows(), 0, ScreenOptions.MAX_ROWS),
                options.intIn("columns", defaults.columns(), layout.minColumns(), ScreenOptions.MAX_COLUMNS),
                full, fields, options.choice("order", defaults.order(), RowOrder::parse, RowOrder.choices()), layout);
    }
}
