package org.topgif.bot.command;

import java.util.Optional;
import java.util.OptionalInt;

import org.topgif.bot.post.TopOptions;
import org.topgif.config.CommandLimits;
import org.topgif.renderer.raster.Theme;
import org.topgif.renderer.screen.Layout;
import org.topgif.renderer.screen.RowOrder;
import org.topgif.renderer.screen.ScreenOptions;
import org.topgif.renderer.screen.SortKey;

/**
 * Checks /top's option values again on our side (Discord checks them too, but a client or an old command
 * registration can send anything), and says what is wrong in a sentence for the user. Immutable.
 */
public final class TopOptionsParser {

    /** The outcome: the options, or what to tell the user. */
    public sealed interface Result {
        /** The options are fine. */
        record Valid(TopOptions options) implements Result {
        }

        /** Something is wrong; {@code message} says what, for an ephemeral reply. */
        record Invalid(String message) implements Result {
        }
    }

    private final CommandLimits limits;
    private final ScreenOptions screenDefaults;
    private final Theme defaultTheme;

    /** @param screenDefaults the configured screen, whose sort and filter apply when the user gives none */
    public TopOptionsParser(CommandLimits limits, ScreenOptions screenDefaults, Theme defaultTheme) {
        this.limits = limits;
        this.screenDefaults = screenDefaults;
        this.defaultTheme = defaultTheme;
    }

    /** Each argument is the option's text as Discord sent it, or null when the user left the option out. */
    public Result parse(String secondsText, String sort, String filter, String rowsText, String theme) {
        return parse(secondsText, sort, filter, rowsText, theme, null, null);
    }

    /** As {@link #parse(String, String, String, String, String)}, with the rows' order and live too. */
    public Result parse(String secondsText, String sort, String filter, String rowsText, String theme, String order,
                        String live) {
        return parse(secondsText, sort, filter, rowsText, theme, order, live, null);
    }

    /** As {@link #parse(String, String, String, String, String, String, String)}, with the layout too. */
    public Result parse(String secondsText, String sort, String filter, String rowsText, String theme, String order,
                        String live, String layout) {
        int chosenSeconds = limits.secondsDefault();
        if (secondsText != null) {
            Long seconds = wholeNumber(secondsText);
            if (seconds == null) {
                return invalid("`seconds` must be a whole number.");
            }
            if (seconds < limits.secondsMin() || seconds > limits.secondsMax()) {
                return invalid("`seconds` must be from " + limits.secondsMin() + " to " + limits.secondsMax()
                        + "; you gave " + seconds + ".");
            }
            chosenSeconds = seconds.intValue();
        }
        SortKey chosenSort = screenDefaults.sort();
        if (sort != null) {
            Optional<SortKey> parsed = SortKey.parse(sort);
            if (parsed.isEmpty()) {
                return invalid("`sort` must be one of " + SortKey.choices() + ".");
            }
            chosenSort = parsed.get();
        }
        String chosenFilter = filter == null ? screenDefaults.filter() : filter.strip();
        if (chosenFilter.length() > limits.filterMaxLength()) {
            return invalid("`filter` can be at most " + limits.filterMaxLength() + " characters.");
        }
        if (chosenFilter.chars().anyMatch(Character::isISOControl)) {
            return invalid("`filter` cannot contain control characters.");
        }
        OptionalInt chosenRows = OptionalInt.empty();
        if (rowsText != null) {
            Long rows = wholeNumber(rowsText);
            if (rows == null) {
                return invalid("`rows` must be a whole number.");
            }
            if (rows < 1 || rows > limits.rowsMax()) {
                return invalid("`rows` must be from 1 to " + limits.rowsMax() + "; you gave " + rows + ".");
            }
            chosenRows = OptionalInt.of(rows.intValue());
        }
        Theme chosenTheme = defaultTheme;
        if (theme != null) {
            Optional<Theme> parsed = Theme.parse(theme);
            if (parsed.isEmpty()) {
                return invalid("`theme` must be " + Theme.choices() + ".");
            }
            chosenTheme = parsed.get();
        }
        RowOrder chosenOrder = screenDefaults.order();
        if (order != null) {
            Optional<RowOrder> parsed = RowOrder.parse(order);
            if (parsed.isEmpty()) {
                return invalid("`order` must be " + RowOrder.choices() + ".");
            }
            chosenOrder = parsed.get();
        }
        Layout chosenLayout = screenDefaults.layout();
        if (layout != null) {
            Optional<Layout> parsed = Layout.parse(layout);
            if (parsed.isEmpty()) {
                return invalid("`layout` must be " + Layout.choices() + ".");
            }
            chosenLayout = parsed.get();
        }
        boolean chosenLive = false;
        if (live != null) {
            if (!live.equals("true") && !live.equals("false")) {
                return invalid("`live` must be true or false.");
            }
            chosenLive = live.equals("true");
        }
        return new Result.Valid(new TopOptions(chosenSeconds, chosenSort, chosenFilter, chosenRows, chosenTheme,
                chosenOrder, chosenLive, chosenLayout));
    }

    private static Long wholeNumber(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException notWhole) {
            return null;
        }
    }

    private static Result invalid(String message) {
        return new Result.Invalid(message);
    }
}
