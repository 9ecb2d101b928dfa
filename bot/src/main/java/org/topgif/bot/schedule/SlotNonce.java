package org.topgif.bot.schedule;

import java.time.Duration;
import java.time.Instant;

import org.topgif.config.ScheduleHost;
import org.topgif.config.ShortDigest;

/**
 * The nonce of a schedule's post for one slot, the same on every attempt and after a restart, so that Discord
 * (which enforces nonces for a few minutes) keeps one message per slot. At most 25 characters, Discord's
 * limit: "tg" and 112 bits of a SHA-256 of the slot, channel, period and host, in base 36. Every schedule
 * that may share a slot (one channel, every 1m and every 2m at 14:02, or one period for two hosts) has its
 * own, and a digest, unlike the ids themselves, fits however many parts a schedule is told apart by.
 */
public final class SlotNonce {

    /** Discord's longest nonce. */
    public static final int MAX_LENGTH = 25;
    private static final int DIGEST_BYTES = 14;

    private SlotNonce() {
    }

    public static String of(long channelId, Duration every, ScheduleHost host, Instant slot) {
        String parts = slot.getEpochSecond() + "|" + Long.toUnsignedString(channelId) + "|" + every.toSeconds() + "|"
                + host.value();
        return "tg" + ShortDigest.of(parts, DIGEST_BYTES);
    }
}
