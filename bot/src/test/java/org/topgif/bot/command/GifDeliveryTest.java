package org.topgif.bot.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.topgif.bot.post.GifPipeline;

class GifDeliveryTest {

    private final List<Integer> pausedAfter = new ArrayList<>();
    private final GifDelivery delivery = new GifDelivery(pausedAfter::add);
    private final GifPipeline.RenderedGif gif = new GifPipeline.RenderedGif(new byte[] {'G', 'I', 'F'}, "line", "line");

    private static TopReply.Refused serverError() {
        return new TopReply.Refused(true, 500, "Internal Server Error");
    }

    @Test
    void aServerErrorIsTriedAgainAfterAPauseAndTheGifArrives() throws Exception {
        RecordedReply reply = new RecordedReply().failing(serverError(), serverError());
        delivery.deliver(reply, 1, gif);
        assertEquals(List.of(gif), reply.delivered());
        assertEquals(3, reply.attempts());
        assertEquals(List.of(1, 2), pausedAfter, "a pause after each failed attempt");
        assertEquals(List.of(), reply.told());
    }

    @Test
    void threeServerErrorsEndInOneMessageToTheUser() throws Exception {
        RecordedReply reply = new RecordedReply().failing(serverError(), serverError(), serverError());
        delivery.deliver(reply, 1, gif);
        assertEquals(GifDelivery.ATTEMPTS, reply.attempts());
        assertEquals(List.of("Sorry, Discord would not take the GIF right now (it answered with an error). "
                + "Try again in a minute."), reply.told());
    }

    @Test
    void anyOtherErrorIsNotTriedAgainAndTheUserIsToldWhatDiscordSaid() throws Exception {
        RecordedReply reply = new RecordedReply().failing(new TopReply.Refused(false, 40005, "Request entity too large"));
        delivery.deliver(reply, 1, gif);
        assertEquals(1, reply.attempts());
        assertEquals(List.of(), pausedAfter);
        assertEquals(List.of("Sorry, Discord refused the GIF: Request entity too large"), reply.told());
    }
}
