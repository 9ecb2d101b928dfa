package org.topgif.bot;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in end-to-end tests for what the bot does on threads of its own. Test code. */
final class Await {

    /** Long enough for a slow CI machine; a passing test waits only as long as the bot takes. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private Await() {
    }

    /** Waits until {@code condition} holds, checking every few milliseconds; fails naming {@code what}. */
    static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE + ": " + what);
            }
            Thread.sleep(5);
        }
    }
}
