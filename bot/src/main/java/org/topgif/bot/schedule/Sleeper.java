package org.topgif.bot.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Waits until a time of the schedule's clock: the system's in the bot, one that tests move by hand. */
@FunctionalInterface
public interface Sleeper {

    void sleepUntil(Instant when) throws InterruptedException;

    /** Sleeps on the thread until {@code clock} reads {@code when}. */
    static Sleeper on(Clock clock) {
        return when -> {
            long millis = Duration.between(clock.instant(), when).toMillis();
            if (millis > 0) {
                Thread.sleep(millis);
            }
        };
    }
}
