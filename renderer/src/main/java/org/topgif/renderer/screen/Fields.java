package org.topgif.renderer.screen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns a screen shows: a list the user chose, or top's default list, fitted to the line so that
 * COMMAND can always name the process.
 *
 * @param chosen the fields, COMMAND last
 * @param fitted true for top's default list, whose least read columns are left out of a narrow line
 */
public record Fields(List<Field> chosen, boolean fitted) {

    /** The name of top's default list in settings and flags. */
    public static final String TOP_NAME = "top";

    /**
     * The room COMMAND keeps in a fitted line: the kernel keeps a program's name in 15 characters, so the name
     * is never cut.
     */
    public static final int COMMAND_ROOM = 15;

    /**
     * Left out of top's list, first to last, while COMMAND would get less than its room: the memory columns
     * next to RES, then the priority, which is 20 for nearly every process, then the nice value.
     */
    private static final List<Field> LEFT_OUT_FIRST = List.of(Field.VIRT, Field.SHR, Field.PR, Field.NI);

    /** Top's default fields, as many as leave COMMAND its room. */
    public static final Fields TOP = new Fields(Field.TOP_DEFAULT, true);

    public Fields {
        chosen = List.copyOf(chosen);
        if (chosen.isEmpty() || chosen.indexOf(Field.COMMAND) != chosen.size() - 1) {
            throw new IllegalArgumentException("fields must end with COMMAND, once: " + chosen);
        }
    }

    /** Exactly these fields, however narrow the line. */
    public static Fields of(List<Field> fields) {
        return new Fields(fields, false);
    }

    /** The columns for a line of {@code columns} characters. */
    public List<Field> within(int columns) {
        if (!fitted) {
            return chosen;
        }
        List<Field> fields = new ArrayList<>(chosen);
        for (Field leftOut : LEFT_OUT_FIRST) {
            if (columns - fixedWidth(fields) >= COMMAND_ROOM) {
                break;
            }
            fields.remove(leftOut);
        }
        return List.copyOf(fields);
    }

    /** Characters the columns before COMMAND take, with the blank after each. */
    static int fixedWidth(List<Field> fields) {
        int width = 0;
        for (Field field : fields) {
            if (field != Field.COMMAND) {
                width += field.width() + 1;
            }
        }
        return width;
    }

    /**
     * Parses "top" (top's list, fitted) or a list of field names such as "PID,USER,%CPU,COMMAND", as
     * {@link Field#parse} reads it.
     *
     * @return the fields, or why the text is neither
     */
    public static Parsed parse(String text) {
        if (text.trim().toLowerCase(Locale.ROOT).equals(TOP_NAME)) {
            return new Parsed(TOP, Optional.empty());
        }
        Field.Parsed list = Field.parse(text);
        return list.problem().isPresent() ? new Parsed(null, list.problem()) : new Parsed(of(list.fields()), Optional.empty());
    }

    /** A parse's outcome: the fields, or the problem. */
    public record Parsed(Fields fields, Optional<String> problem) {
    }

    /** As settings write it: "top", or the list. */
    @Override
    public String toString() {
        return fitted && chosen.equals(Field.TOP_DEFAULT) ? TOP_NAME : Field.format(chosen);
    }
}
