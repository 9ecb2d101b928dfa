package org.topgif.bot.schedule;

import java.time.Instant;

/**
 * The nonce of a channel's post for one slot, the same on every attempt and after a restart, so that Discord
 * (which enforces nonces for a few minutes) keeps one message per slot. At most 25 characters, Discord's
 * limit: "tg", the slot's epoch second and the channel id, both in base 36.
 */
public final class SlotNonce {

    /** Discord's longest nonce. */
    public static final int MAX_LENGTH = 25;

    private SlotNonce() {
    }

    public static String of(long channelId, Instant slot) {
        return "tg" + Long.toString(slot.getEpochSecond(), 36) + "." + Long.toUnsignedString(channelId, 36);
    }
}
