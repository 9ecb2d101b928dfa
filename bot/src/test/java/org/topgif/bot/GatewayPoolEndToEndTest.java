package org.topgif.bot;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import net.dv8tion.jda.api.entities.Activity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** JDA's gateway sender on the bot's quieter pool, through the real JDA client against the fake Discord. */
@Timeout(60)
class GatewayPoolEndToEndTest {

    private static final int PRESENCE_UPDATE = 3;

    @Test
    void theJdaInUseStillPollsItsSendQueueTheWayThePoolStretches() throws Exception {
        try (BotHarness harness = BotHarness.start(1, Map.of(), (plan, progress) -> {
            throw new AssertionError("nothing records here");
        })) {
            GatewayPool pool = assertInstanceOf(GatewayPool.class, harness.bot.jda().getGatewayPool());
            // The sender polls from the moment JDA connects; a JDA that no longer does would leave this at 0.
            awaitTrue(() -> pool.stretchedPolls() > 0, GatewayPool.IDLE_POLL.toMillis() * 2);
        }
    }

    @Test
    void aQueuedGatewayMessageStillGoesOutWithinOneIdlePoll() throws Exception {
        try (BotHarness harness = BotHarness.start(1, Map.of(), (plan, progress) -> {
            throw new AssertionError("nothing records here");
        })) {
            harness.bot.jda().getPresence().setActivity(Activity.watching("processes"));
            awaitTrue(() -> harness.discord.gatewayOps().contains(PRESENCE_UPDATE),
                    GatewayPool.IDLE_POLL.toMillis() + 2_000);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, long millis)
            throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within " + millis + " ms");
            Thread.sleep(20);
        }
    }
}
