package org.topgif.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a schedule shows each slot: a new message, or one message of the channel edited in place. */
public enum ScheduleMode {
    /** A new message per slot. */
    POST,
    /** One message per schedule and channel, its GIF and text replaced at every slot. */
    EDIT;

    public String userName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ScheduleMode> parse(String text) {
        return Arrays.stream(values()).filter(mode -> mode.userName().equalsIgnoreCase(text.trim())).findFirst();
    }

    /** "post or edit", for a setting's message. */
    public static String choices() {
        return Arrays.stream(values()).map(ScheduleMode::userName).collect(Collectors.joining(" or "));
    }
}
