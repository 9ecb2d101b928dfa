package org.topgif.bot.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import io.nats.client.api.KeyValueOperation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.topgif.bot.ratelimit.GuildRateLimiter;
import org.topgif.bot.hosts.FleetView;
import org.topgif.bot.ratelimit.RecordingQueue;
import org.topgif.config.HostName;
import org.topgif.fleet.directory.HostDirectory;
import org.topgif.fleet.wire.HostEntry;
import org.topgif.fleet.wire.HostEntryCodec;

class TopAdmissionTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AnswerFixtures.MadeUpHost host = new AnswerFixtures.MadeUpHost();
    private final TopAnswers answers = AnswerFixtures.answers(host);
    /** One live recording at a time and none waiting, so the second is refused. */
    private final RecordingQueue recordings = new RecordingQueue("recording", 1, 0);
    private final RecordingQueue answerQueue = new RecordingQueue("answer", 4, 4);
    private final TopAdmission admission = new TopAdmission(AnswerFixtures.PARSER,
            new GuildRateLimiter(2, Duration.ofSeconds(60), Duration.ofHours(1), nanos::get), recordings, answerQueue,
            answers);

    @AfterEach
    void closeQueues() {
        recordings.close();
        answerQueue.close();
    }

    private static UnaryOperator<String> options(Map<String, String> given) {
        return given::get;
    }

    private TopAdmission.Decision ask(long guild, Map<String, String> given) {
        return admission.admit(guild, options(given), new RecordedReply());
    }

    /** Discord took the acknowledgement: the answer runs. */
    private void acknowledge(TopAdmission.Decision decision, long guild) {
        admission.acknowledged((TopAdmission.Decision.Taken) decision, guild,
                new InteractionCallbacks.Outcome(true, 1, ""), null);
    }

    @Test
    void aFleetHostThatCannotBeShownOrAskedLiveIsRefusedAndCostsTheGuildNothing() {
        HostDirectory directory = new HostDirectory(Duration.ofMinutes(10), Clock.systemUTC());
        HostName db = new HostName("db-1");
        directory.take("db-1", KeyValueOperation.PUT, new HostEntryCodec().encode(new HostEntry(db, 2, 1, 1, 0, "1",
                Instant.now())), Instant.now());
        TopAdmission fleet = new TopAdmission(AnswerFixtures.PARSER, new GuildRateLimiter(1, Duration.ofSeconds(60),
                Duration.ofHours(1), nanos::get), recordings, answerQueue, answers, new FleetView(
                new HostName("testhost"), Optional.empty(), Optional.of(directory), () -> true,
                Duration.ofSeconds(10), Clock.systemUTC(), Optional.empty()));
        assertEquals(new TopAdmission.Decision.Refused("live:true records this bot's own host; /top host:… shows a "
                + "fleet host's last seconds."), fleet.admit(1, options(Map.of("host", "db-1", "live", "true")),
                new RecordedReply()));
        assertEquals(new TopAdmission.Decision.Refused("There is no host web\\-9 in the fleet; did you mean db\\-1? "
                + "/top-hosts lists them."), fleet.admit(1, options(Map.of("host", "web-9")), new RecordedReply()));
        TopAdmission.Decision own = fleet.admit(1, options(Map.of("host", "testhost")), new RecordedReply());
        assertInstanceOf(TopAdmission.Decision.Taken.class, own, "the guild's one token was still there");
        fleet.acknowledged((TopAdmission.Decision.Taken) own, 1, new InteractionCallbacks.Outcome(true, 1, ""), null);
    }

    @Test
    void aBadOptionIsRefusedWithTheParsersLineAndCostsTheGuildNothing() {
        String expected = ((TopOptionsParser.Result.Invalid) AnswerFixtures.PARSER.parse("999", null, null, null,
                null)).message();
        assertEquals(new TopAdmission.Decision.Refused(expected), ask(1, Map.of("seconds", "999")));
        for (int i = 0; i < 2; i++) {
            TopAdmission.Decision taken = ask(1, Map.of());
            assertInstanceOf(TopAdmission.Decision.Taken.class, taken, "both of the guild's tokens are left");
            acknowledge(taken, 1);
        }
    }

    @Test
    void aGuildOutOfTokensIsToldWhenToComeBackAndOtherGuildsAreNotHeldBack() {
        acknowledge(ask(1, Map.of()), 1);
        acknowledge(ask(1, Map.of()), 1);
        assertEquals(new TopAdmission.Decision.Refused("You can use /top again in 60 s."), ask(1, Map.of()));
        acknowledge(ask(2, Map.of()), 2);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(60));
        assertInstanceOf(TopAdmission.Decision.Taken.class, ask(1, Map.of()), "a token refilled");
    }

    @Test
    void aFullQueueRefusesAndGivesTheGuildItsTokenBack() throws Exception {
        TopAdmission.Decision first = ask(1, Map.of("live", "true"));
        assertInstanceOf(TopAdmission.Decision.Taken.class, first);
        assertEquals(new TopAdmission.Decision.Refused(
                "Too many recordings are running or waiting right now; try again in a minute."),
                ask(1, Map.of("live", "true")));
        // The refused one's token came back: the guild still has one.
        TopAdmission.Decision third = ask(1, Map.of());
        assertInstanceOf(TopAdmission.Decision.Taken.class, third);
        admission.acknowledged((TopAdmission.Decision.Taken) first, 1, new InteractionCallbacks.Outcome(false, 3,
                "HTTP 500"), null);
        acknowledge(third, 1);
        assertTrue(recordings.awaitIdle(10, TimeUnit.SECONDS));
        assertEquals(0, host.recorded.get(), "nothing recorded for the reply no one could get");
        // Its token came back too.
        assertInstanceOf(TopAdmission.Decision.Taken.class, ask(1, Map.of()));
    }

    @Test
    void aLiveRecordingWaitingInLineShowsItsPlace() throws Exception {
        RecordingQueue oneAtATime = new RecordingQueue("recording", 1, 1);
        TopAdmission queued = new TopAdmission(AnswerFixtures.PARSER,
                new GuildRateLimiter(5, Duration.ofSeconds(60), Duration.ofHours(1), nanos::get), oneAtATime,
                answerQueue, answers);
        try {
            queued.admit(1, options(Map.of("live", "true")), new RecordedReply()); // holds the recorder, unacknowledged
            RecordedReply waiting = new RecordedReply();
            TopAdmission.Decision second = queued.admit(1, options(Map.of("live", "true")), waiting);
            queued.acknowledged((TopAdmission.Decision.Taken) second, 1, new InteractionCallbacks.Outcome(true, 1, ""),
                    null);
            assertEquals(List.of("Waiting for a free recorder (1 in line)…"), waiting.shown());
        } finally {
            oneAtATime.close();
        }
    }
}
