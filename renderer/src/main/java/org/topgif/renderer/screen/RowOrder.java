package org.topgif.renderer.screen;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a recording's frames place their process rows. */
public enum RowOrder {
    /**
     * The rows are chosen once for the whole recording, the processes with the most of the sort key over it,
     * and keep their places in every frame while their numbers change, so a reader can follow one process.
     */
    STEADY,
    /** Each frame sorts on its own, as top does. */
    LIVE;

    public String userName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RowOrder> parse(String text) {
        return Arrays.stream(values()).filter(order -> order.userName().equalsIgnoreCase(text.trim())).findFirst();
    }

    public static String choices() {
        return "steady or live";
    }
}
