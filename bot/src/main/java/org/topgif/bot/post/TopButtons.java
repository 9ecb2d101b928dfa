package org.topgif.bot.post;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import net.dv8tion.jda.api.components.actionrow.ActionRow;

/**
 * The buttons under a /top answer, a scheduled post and an alert, and what a click on one asks for. A button's id carries the request's options
 * as the user gave them, so that a click asks again exactly as the command did, on a message of any age, without
 * the bot remembering anything; the click is then checked as a command is. An id is untrusted input: one that
 * does not read as this version writes it is refused, never guessed at. Immutable.
 *
 * <p>"t1" (the version), the action (a: again, s: the other sort), then each option's value in {@link #OPTIONS}'
 * order, separated by '|', with '|' and '%' in a value escaped as %7C and %25; at most Discord's 100 characters.
 * A filter is not kept: it may not fit, and a button's label could not show it.
 */
public final class TopButtons {

    /** Discord's longest custom id. */
    static final int MAX_ID = 100;
    static final String AGAIN = "a";
    static final String OTHER_SORT = "s";
    private static final String VERSION = "t1";
    private static final List<String> OPTIONS = List.of("seconds", "sort", "rows", "theme", "order", "layout",
            "host");

    private TopButtons() {
    }

    /** A button: its id and label. */
    public record Button(String id, String label) {
    }

    /**
     * The buttons for an answer to {@code option}: Again, and the other sort; none when the options do not fit
     * in an id.
     */
    public static List<Button> of(UnaryOperator<String> option) {
        StringBuilder values = new StringBuilder();
        for (String name : OPTIONS) {
            String value = option.apply(name);
            values.append('|').append(value == null ? "" : escape(value));
        }
        String again = VERSION + "|" + AGAIN + values;
        String other = VERSION + "|" + OTHER_SORT + values;
        if (again.length() > MAX_ID) {
            return List.of();
        }
        String sort = option.apply("sort");
        boolean byMemory = sort != null && sort.trim().toLowerCase(Locale.ROOT).equals("mem");
        return List.of(new Button(again, "Again"), new Button(other, byMemory ? "Sort by CPU" : "Sort by memory"));
    }

    /**
     * The options a click on the button {@code id} asks for, by name (null where the command gave none); empty
     * for an id this version does not write.
     */
    public static Optional<Map<String, String>> click(String id) {
        if (id == null || id.length() > MAX_ID) {
            return Optional.empty();
        }
        String[] parts = id.split("\\|", -1);
        if (parts.length != 2 + OPTIONS.size() || !parts[0].equals(VERSION)
                || !(parts[1].equals(AGAIN) || parts[1].equals(OTHER_SORT))) {
            return Optional.empty();
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < OPTIONS.size(); i++) {
            Optional<String> value = unescape(parts[2 + i]);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            options.put(OPTIONS.get(i), value.get().isEmpty() ? null : value.get());
        }
        if (parts[1].equals(OTHER_SORT)) {
            String sort = options.get("sort");
            options.put("sort", sort != null && sort.trim().toLowerCase(Locale.ROOT).equals("mem") ? "cpu" : "mem");
        }
        return Optional.of(options);
    }

    /** The buttons as Discord's components: one row. */
    public static List<ActionRow> rows(List<Button> buttons) {
        return buttons.isEmpty() ? List.of() : List.of(ActionRow.of(buttons.stream()
                .map(button -> net.dv8tion.jda.api.components.buttons.Button.secondary(button.id(), button.label()))
                .toList()));
    }

    private static String escape(String value) {
        return value.replace("%", "%25").replace("|", "%7C");
    }

    /** The value, or empty when it holds a '%' that is not one of the two escapes. */
    private static Optional<String> unescape(String value) {
        StringBuilder plain = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '%') {
                plain.append(c);
            } else if (value.startsWith("%25", i)) {
                plain.append('%');
                i += 2;
            } else if (value.startsWith("%7C", i)) {
                plain.append('|');
                i += 2;
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(plain.toString());
    }
}
