package org.topgif.bot.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * The nonce of a schedule's post for one slot, the same on every attempt and after a restart, so that Discord
 * (which enforces nonces for a few minutes) keeps one message per slot. At most 25 characters, Discord's
 * limit: "tg", the slot's epoch second and the channel id, both in base 36, and one character for the period,
 * so that two schedules of one channel due at the same slot (every 1m and every 2m at 14:02) are two posts.
 */
public final class SlotNonce {

    /** Discord's longest nonce. */
    public static final int MAX_LENGTH = 25;

    /** Minutes in a day, whose divisors are the periods a schedule may have: 36 of them, one base-36 digit. */
    private static final int DAY_MINUTES = 1440;

    private SlotNonce() {
    }

    public static String of(long channelId, Duration every, Instant slot) {
        return "tg" + Long.toString(slot.getEpochSecond(), 36) + "." + Long.toUnsignedString(channelId, 36) + "."
                + Character.forDigit(periodIndex(every), 36);
    }

    /** Which of the day's divisors {@code every} is, counting from 1 minute: 0 to 35. */
    private static int periodIndex(Duration every) {
        long minutes = every.toMinutes();
        int index = 0;
        for (int divisor = 1; divisor < minutes; divisor++) {
            if (DAY_MINUTES % divisor == 0) {
                index++;
            }
        }
        return index;
    }
}
