package org.topgif.bot.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.topgif.config.AlertRule;

class AlertEpisodesTest {

    private static final Instant T = Instant.parse("2026-12-07T14:00:00Z");
    private static final Optional<AlertRule.Breach> BREACH = Optional.of(new AlertRule.Breach(95, Optional.empty()));

    /** Feeds one sample a second: 'x' breaks the rule, '.' does not; the events, by second. */
    private static List<String> run(String seconds) {
        AlertEpisodes episodes = new AlertEpisodes(Duration.ofSeconds(3));
        List<String> events = new ArrayList<>();
        for (int i = 0; i < seconds.length(); i++) {
            Instant now = T.plusSeconds(i);
            episodes.take(now, seconds.charAt(i) == 'x' ? BREACH : Optional.empty()).ifPresent(event -> events.add(
                    event instanceof AlertEpisodes.Event.Fired fired
                            ? "fired@" + (fired.since().getEpochSecond() - T.getEpochSecond())
                            : "resolved@" + (((AlertEpisodes.Event.Resolved) event).until().getEpochSecond()
                            - T.getEpochSecond())));
        }
        return events;
    }

    @Test
    void aRuleFiresOnceItHasHeldForItsDurationAndResolvesOnceItHasNotForAsLong() {
        // Held from second 1; at second 4 it has held for 3 s. Clear from 7; at 10 for 3 s.
        assertEquals(List.of("fired@1", "resolved@7"), run(".xxxxxx...."));
    }

    @Test
    void aBreakShorterThanForNeitherFiresNorResolves() {
        assertEquals(List.of(), run("xx.xx.xx.xx"), "never three seconds in a row");
        assertEquals(List.of("fired@0"), run("xxxx..xx..x"), "never clear for three seconds");
    }

    @Test
    void aSecondEpisodeFiresAgainAfterTheFirstResolved() {
        assertEquals(List.of("fired@0", "resolved@4", "fired@8", "resolved@12"), run("xxxx....xxxx...."));
        AlertEpisodes episodes = new AlertEpisodes(Duration.ofSeconds(3));
        assertTrue(episodes.take(T, BREACH).isEmpty());
        assertTrue(episodes.take(T.plusSeconds(3), BREACH).isPresent(), "held for exactly for: fires");
    }
}
