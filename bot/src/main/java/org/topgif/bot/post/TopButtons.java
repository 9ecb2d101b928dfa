package org.topgif.bot.post;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;

/**
 * The buttons under a /top answer, a scheduled post and an alert, and what a click on one asks for. A button's id carries the request's options
 * as the user gave them, so that a click asks again exactly as the command did, on a message of any age, without
 * the bot remembering anything; the click is then checked as a command is. An id is untrusted input: one that
 * does not read as this version writes it is refused, never guessed at. Immutable.
 *
 * <p>"t1" (the version), the action (a: again, s: the other sort, h: the host chosen in the menu), then each option's value in {@link #OPTIONS}'
 * order, separated by '|', with '|' and '%' in a value escaped as %7C and %25; at most Discord's 100 characters.
 * A filter is not kept: it may not fit, and a button's label could not show it.
 */
public final class TopButtons {

    /** Discord's longest custom id. */
    static final int MAX_ID = 100;
    static final String AGAIN = "a";
    static final String OTHER_SORT = "s";
    static final String HOST = "h";
    /** Discord's most options in a menu. */
    static final int MAX_CHOICES = 25;
    private static final String VERSION = "t1";
    private static final List<String> OPTIONS = List.of("seconds", "sort", "rows", "theme", "order", "layout",
            "host");

    private TopButtons() {
    }

    /**
     * A button, or with {@code choices} a menu of them: its id, and its label or the menu's placeholder.
     */
    public record Control(String id, String label, List<String> choices) {

        public Control {
            choices = List.copyOf(choices);
        }

        Control(String id, String label) {
            this(id, label, List.of());
        }
    }

    /**
     * The buttons for an answer to {@code option}: Again, and the other sort; none when the options do not fit
     * in an id.
     */
    public static List<Control> of(UnaryOperator<String> option) {
        return of(option, List.of());
    }

    /**
     * The same, and with a fleet, a menu of {@code hosts} (the first 25; a name is at most 100 characters, as a
     * menu's value may be) that asks the same for the host chosen.
     */
    public static List<Control> of(UnaryOperator<String> option, List<String> hosts) {
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
        List<Control> controls = new java.util.ArrayList<>(List.of(new Control(again, "Again"),
                new Control(other, byMemory ? "Sort by CPU" : "Sort by memory")));
        if (!hosts.isEmpty()) {
            controls.add(new Control(VERSION + "|" + HOST + values, "Another host",
                    hosts.subList(0, Math.min(MAX_CHOICES, hosts.size()))));
        }
        return List.copyOf(controls);
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
                || !(parts[1].equals(AGAIN) || parts[1].equals(OTHER_SORT) || parts[1].equals(HOST))) {
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

    /** The controls as Discord's components: a row of buttons, and a row for the menu if there is one. */
    public static List<ActionRow> rows(List<Control> controls) {
        List<ActionRow> rows = new java.util.ArrayList<>();
        List<Control> buttons = controls.stream().filter(control -> control.choices().isEmpty()).toList();
        if (!buttons.isEmpty()) {
            rows.add(ActionRow.of(buttons.stream().map(button -> net.dv8tion.jda.api.components.buttons.Button
                    .secondary(button.id(), button.label())).toList()));
        }
        for (Control menu : controls) {
            if (!menu.choices().isEmpty()) {
                rows.add(ActionRow.of(StringSelectMenu.create(menu.id()).setPlaceholder(menu.label())
                        .addOptions(menu.choices().stream().map(host -> SelectOption.of(host, host)).toList())
                        .build()));
            }
        }
        return rows;
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
