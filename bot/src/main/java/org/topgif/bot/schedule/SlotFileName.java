package org.topgif.bot.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.topgif.config.ScheduleHost;
import org.topgif.config.ScheduleSpec;

/**
 * The attachment name of a schedule's post for one slot, which marks the message as that slot's for good:
 * Discord forgets a nonce after a few minutes, but a message keeps its attachment's name, so a bot that
 * starts again later can read the channel and see that the slot was posted. "top-20261202T140000Z-1h.gif":
 * the slot in UTC and the schedule's period (two schedules of one channel may share a slot), and for a
 * schedule of another host than the default, which one ("…-1h-db-1-1kzb5.gif", "…-1h-fleet.gif"). Only
 * letters, digits, '-' and '.', which Discord keeps as they are.
 */
public final class SlotFileName {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final String POST_PREFIX = "top-";
    private static final String STATUS_PREFIX = "status-";
    /** "20261202T140000Z". */
    private static final int STAMP_LENGTH = 16;

    private SlotFileName() {
    }

    public static String of(Duration every, ScheduleHost host, Instant slot) {
        return POST_PREFIX + STAMP.format(slot) + suffix(every, host);
    }

    /**
     * The attachment name of an edited-in-place schedule's message once it shows {@code slot}:
     * "status-20261202T140000Z-1h.gif". A prefix of its own, so that the search for the message to edit never
     * takes one of a post-mode schedule's messages for it.
     */
    public static String status(Duration every, ScheduleHost host, Instant slot) {
        return STATUS_PREFIX + STAMP.format(slot) + suffix(every, host);
    }

    /** Whether {@code fileName} is a {@link #status} name of this period and host, for any slot. */
    public static boolean isStatus(Duration every, ScheduleHost host, String fileName) {
        String suffix = suffix(every, host);
        return fileName.length() == STATUS_PREFIX.length() + STAMP_LENGTH + suffix.length()
                && fileName.startsWith(STATUS_PREFIX) && fileName.endsWith(suffix);
    }

    private static String suffix(Duration every, ScheduleHost host) {
        return "-" + ScheduleSpec.describe(every) + (host.isDefault() ? "" : "-" + host.fileNamePart()) + ".gif";
    }
}
