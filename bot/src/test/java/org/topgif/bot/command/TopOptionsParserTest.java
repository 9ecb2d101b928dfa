package org.topgif.bot.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.topgif.bot.post.TopOptions;
import org.topgif.config.CommandLimits;
import org.topgif.renderer.raster.Theme;
import org.topgif.renderer.screen.RowOrder;
import org.topgif.renderer.screen.ScreenOptions;
import org.topgif.renderer.screen.SortKey;

class TopOptionsParserTest {

    private final TopOptionsParser parser = new TopOptionsParser(
            new CommandLimits(2, 30, 12, 40, 64, Duration.ofSeconds(3)), ScreenOptions.defaults(), Theme.DARK);

    private String problem(String seconds, String sort, String filter, String rows, String theme) {
        return ((TopOptionsParser.Result.Invalid) parser.parse(seconds, sort, filter, rows, theme)).message();
    }

    @Test
    void leftOutOptionsTakeTheDefaults() {
        assertEquals(new TopOptionsParser.Result.Valid(new TopOptions(12, SortKey.CPU, "", OptionalInt.empty(), Theme.DARK, RowOrder.STEADY, false)),
                parser.parse(null, null, null, null, null));
    }

    @Test
    void givenOptionsAreTaken() {
        assertEquals(new TopOptionsParser.Result.Valid(new TopOptions(30, SortKey.MEM, "java", OptionalInt.of(40), Theme.LIGHT, RowOrder.LIVE, true)),
                parser.parse("30", "mem", "  java ", "40", "light", "live", "true"));
    }

    @Test
    void everyOutOfRangeOrUnknownValueIsExplained() {
        assertEquals("`seconds` must be from 2 to 30; you gave 1.", problem("1", null, null, null, null));
        assertEquals("`seconds` must be from 2 to 30; you gave 31.", problem("31", null, null, null, null));
        assertEquals("`sort` must be one of cpu, mem, time or pid.", problem(null, "size", null, null, null));
        assertEquals("`filter` can be at most 64 characters.", problem(null, null, "y".repeat(65), null, null));
        assertEquals("`filter` cannot contain control characters.", problem(null, null, "a\u0000b", null, null));
        assertEquals("`rows` must be from 1 to 40; you gave 41.", problem(null, null, null, "41", null));
        assertEquals("`theme` must be dark or light.", problem(null, null, null, null, "neon"));
        assertEquals("`seconds` must be a whole number.", problem("2.5", null, null, null, null));
        assertEquals("`rows` must be a whole number.", problem(null, null, null, "many", null));
        assertEquals("`order` must be steady or live.", ((TopOptionsParser.Result.Invalid) parser.parse(null, null,
                null, null, null, "random", null)).message());
        assertEquals("`live` must be true or false.", ((TopOptionsParser.Result.Invalid) parser.parse(null, null,
                null, null, null, null, "yes")).message());
        assertEquals("`layout` must be wide or compact.", ((TopOptionsParser.Result.Invalid) parser.parse(null, null,
                null, null, null, null, null, "narrow")).message());
        assertEquals(org.topgif.renderer.screen.Layout.COMPACT, ((TopOptionsParser.Result.Valid) parser.parse(null,
                null, null, null, null, null, null, "compact")).options().layout());
    }

    @Test
    void leftOutSortAndFilterTakeTheConfiguredScreen() {
        TopOptionsParser configured = new TopOptionsParser(new CommandLimits(2, 30, 12, 40, 64, Duration.ofSeconds(3)),
                ScreenOptions.defaults().withSort(SortKey.MEM).withFilter("postgres"), Theme.LIGHT);
        assertEquals(new TopOptionsParser.Result.Valid(new TopOptions(12, SortKey.MEM, "postgres", OptionalInt.empty(),
                Theme.LIGHT, RowOrder.STEADY, false)), configured.parse(null, null, null, null, null));
    }
}
