package org.topgif.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import net.dv8tion.jda.api.utils.data.DataObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.topgif.bot.fake.FakeDiscord;
import org.topgif.bot.fake.RecordedRequest;

/** The real JDA client against a fake Discord on 127.0.0.1: what a user sees after typing /top. */
@Timeout(60)
class TopCommandEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static boolean callbackOf(RecordedRequest request, FakeDiscord.Interaction interaction) {
        return request.method().equals("POST")
                && request.path().equals("interactions/" + interaction.id() + "/" + interaction.token() + "/callback");
    }

    private static boolean finalEditOf(RecordedRequest request, FakeDiscord.Interaction interaction) {
        return request.method().equals("PATCH") && request.path().endsWith(interaction.token() + "/messages/@original")
                && request.isGif() && request.answeredStatus() == 200;
    }

    @Test
    void topIsDeferredThenAnsweredWithALoopingGifOfTheRequestedLength() throws Exception {
        try (BotHarness harness = BotHarness.start(1, Map.of(), new InstantRecordings())) {
            long guild = harness.discord.guildIds().get(0);
            assertEquals("top", harness.discord.commands("guild:" + guild).getObject(0).getString("name"),
                    "/top is registered in the configured guild");

            FakeDiscord.Interaction interaction = harness.discord.sendTop(guild, Map.of("seconds", 3));
            RecordedRequest callback = harness.await(r -> callbackOf(r, interaction), WAIT);
            assertEquals(5, callback.json().orElseThrow().getInt("type"), "deferred");
            assertTrue(callback.receivedNanos() - harness.discord.sentNanos(interaction) < 3_000_000_000L,
                    "deferred within Discord's 3 s");

            RecordedRequest answer = harness.await(r -> finalEditOf(r, interaction), WAIT);
            assertEquals("top.gif", answer.fileName().orElseThrow());
            DataObject payload = answer.json().orElseThrow();
            String summary = payload.getString("content");
            assertTrue(summary.startsWith("testhost · load "), summary);
            assertEquals(summary, payload.getArray("attachments").getObject(0).getString("description"),
                    "the summary is the GIF's alt text too");

            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(answer.file().orElseThrow()))) {
                reader.setInput(in);
                assertEquals(3, reader.getNumImages(true), "one frame per second asked for");
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0)
                        .getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode loop = (IIOMetadataNode) root.getElementsByTagName("ApplicationExtension").item(0);
                assertEquals("NETSCAPE", loop.getAttribute("applicationID"));
                assertEquals(0, ((byte[]) loop.getUserObject())[1], "loops forever");
            }
        }
    }
}
