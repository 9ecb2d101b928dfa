package org.topgif.bot.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.topgif.bot.post.GifPipeline;
import org.topgif.bot.post.TopOptions;
import org.topgif.bot.recordings.Recordings;
import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.raster.Theme;
import org.topgif.renderer.screen.RowOrder;
import org.topgif.renderer.screen.SortKey;

class TopAnswerTest {

    private final AnswerFixtures.MadeUpHost host = new AnswerFixtures.MadeUpHost();
    private final TopAnswers answers = AnswerFixtures.answers(host);
    private final RecordedReply reply = new RecordedReply();
    private final RecordingPlan plan = answers.pipeline.plan(new TopOptions(3, SortKey.CPU, "", OptionalInt.empty(),
            Theme.DARK, RowOrder.STEADY, false));

    @Test
    void anAnswerFromTheHistoryDeliversTheGifWithItsLineAtOnce() {
        TopAnswer answer = answers.answer(reply, 7, plan, host.recent(plan));
        answer.acknowledged(true);
        answer.run();
        List<GifPipeline.RenderedGif> delivered = reply.delivered();
        assertEquals(1, delivered.size());
        assertTrue(delivered.get(0).summary().startsWith("testhost · load 1.00 1.00 1.00 · top: "),
                delivered.get(0).summary());
        assertEquals("GIF89a", new String(delivered.get(0).gif(), 0, 6, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(0, host.recorded.get(), "nothing recorded: the history had the seconds");
        assertEquals(List.of(), reply.shown());
    }

    @Test
    void aLiveAnswerShowsItsProgressThenDeliversTheGif() {
        TopAnswer answer = answers.answer(reply, 7, plan, Optional.empty());
        answer.acknowledged(true);
        answer.run();
        assertEquals(1, host.recorded.get());
        assertEquals(List.of("Recording… 1/3 s"), reply.shown(), "at most one edit per progress interval");
        assertEquals(1, reply.delivered().size());
    }

    @Test
    void aFleetHostWhoseSamplesTheBrokerDidNotGiveIsNamedInTheApology() {
        TopAnswer answer = answers.answer(reply, 7, plan, java.util.concurrent.CompletableFuture
                .failedFuture(new IllegalStateException("the fleet's broker did not answer")), "db-1.eu");
        answer.acknowledged(true);
        answer.run();
        assertEquals(List.of("Sorry, the fleet's broker did not give db\\-1\\.eu's last seconds; try again in a "
                + "moment."), reply.told());
        assertEquals(List.of(), reply.delivered());
    }

    @Test
    void anAnswerDiscordDidNotAcknowledgeDoesNothing() {
        TopAnswer answer = answers.answer(reply, 7, plan, Optional.empty());
        answer.acknowledged(false);
        answer.run();
        assertEquals(0, host.recorded.get());
        assertEquals(List.of(), reply.delivered());
        assertEquals(List.of(), reply.told());
    }

    @Test
    void aStopDuringTheRecordingTellsTheUserOnceAndAFailureTellsThemToo() throws Exception {
        Recordings stopped = (p, progress) -> {
            throw new InterruptedException("stopping");
        };
        TopAnswer answer = AnswerFixtures.answers(stopped).answer(reply, 7, plan, Optional.empty());
        answer.acknowledged(true);
        answer.run();
        assertTrue(Thread.interrupted(), "the interrupt is kept for the thread's owner");
        assertEquals(List.of("Sorry, the bot is shutting down; try again in a moment."), reply.told());
        assertEquals(Optional.empty(), answer.tellOnce("again"), "told once only");

        RecordedReply second = new RecordedReply();
        Recordings broken = (p, progress) -> {
            throw new IllegalStateException("no /proc");
        };
        TopAnswer failing = AnswerFixtures.answers(broken).answer(second, 7, plan, Optional.empty());
        failing.acknowledged(true);
        failing.run();
        assertEquals(List.of("Sorry, the recording failed. The bot's log has the details."), second.told());
    }
}
