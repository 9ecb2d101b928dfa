package org.topgif.bot.fake;

import java.util.concurrent.atomic.AtomicLong;

/** Discord ids that carry the current time, as JDA judges an interaction's age from its id. Thread-safe. */
final class Snowflakes {

    private static final long DISCORD_EPOCH = 1420070400000L;
    private final AtomicLong sequence = new AtomicLong();

    long next() {
        return (System.currentTimeMillis() - DISCORD_EPOCH) << 22 | (sequence.incrementAndGet() & 0x3FFFFF);
    }
}
