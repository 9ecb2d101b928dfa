package org.topgif.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topgif.bot.fake.FakeDiscord;
import org.topgif.bot.fake.RecordedRequest;
import org.topgif.config.HostName;
import org.topgif.fleet.StoredSamples;
import org.topgif.fleet.agent.FleetAgent;
import org.topgif.fleet.nats.NatsServerProcess;

/**
 * /top host:…, its autocomplete and /top-hosts, through the real JDA client, the fake Discord, a real
 * nats-server, and agents that sample made-up /proc folders.
 */
@Timeout(120)
class FleetTopEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final HostName DB = new HostName("db-1.eu.example.com");
    private static final HostName WEB = new HostName("web-2");

    @TempDir
    Path folder;

    /** An agent sampling a made-up /proc of its own, whose processes run {@code programs}. */
    private FleetAgent agent(String url, HostName host, String... programs) throws Exception {
        return ProcAgents.start(folder, url, host, INTERVAL, programs);
    }

    private static BotHarness bot(String url) throws Exception {
        return bot(url, "3s");
    }

    private static BotHarness bot(String url, String forgetAfter) throws Exception {
        return BotHarness.start(1, Map.of("TOPGIF_FLEET_URL", url, "TOPGIF_FLEET_HEARTBEAT", "1s",
                "TOPGIF_FLEET_FORGET_AFTER", forgetAfter, "TOPGIF_RECORDING_INTERVAL", "200ms",
                // These tests ask until the fleet answers; the guild's limit is tested elsewhere.
                "TOPGIF_RATE_LIMIT_BURST", "100"), new InstantRecordings());
    }

    private static boolean callbackOf(RecordedRequest request, FakeDiscord.Interaction interaction) {
        return request.method().equals("POST")
                && request.path().equals("interactions/" + interaction.id() + "/" + interaction.token() + "/callback");
    }

    private static String ephemeral(BotHarness harness, FakeDiscord.Interaction interaction) throws Exception {
        DataObject data = harness.await(r -> callbackOf(r, interaction)
                && r.json().orElseThrow().getInt("type") == 4, WAIT).json().orElseThrow().getObject("data");
        assertEquals(64, data.getInt("flags") & 64, "private");
        assertEquals(0, data.getObject("allowed_mentions").getArray("parse").length(), "mentions nobody");
        return data.getString("content");
    }

    /** Asks until {@code check} holds for the answer: the directory and the stale mark follow the agents' beats. */
    private static String askUntil(BotHarness harness, Map<String, Object> options, String command,
                                   java.util.function.Predicate<String> check) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long guild = harness.discord.guildIds().get(0);
            FakeDiscord.Interaction asked = harness.discord.sendCommand(guild, command, options);
            // Until the directory says otherwise the host is shown: a deferral, then a GIF.
            int type = harness.await(r -> callbackOf(r, asked), WAIT).json().orElseThrow().getInt("type");
            String answer = type == 4 ? ephemeral(harness, asked) : "(deferred)";
            if (check.test(answer) || System.nanoTime() > deadline) {
                return answer;
            }
            Thread.sleep(200);
        }
    }

    @Test
    void aFleetHostIsShownByNameWithItsOwnProcessesOfferedAsTheUserTypesAndListed() throws Exception {
        try (NatsServerProcess nats = NatsServerProcess.start(folder.resolve("nats"));
             BotHarness harness = bot(nats.url());
             FleetAgent db = agent(nats.url(), DB, "postgres", "pgbouncer");
             FleetAgent web = agent(nats.url(), WEB, "nginx", "gunicorn")) {
            long guild = harness.discord.guildIds().get(0);
            DataArray commands = harness.discord.commands("guild:" + guild);
            DataObject host = commands.getObject(0).getArray("options").getObject(8);
            assertEquals("host", host.getString("name"));
            assertTrue(host.getBoolean("autocomplete"));
            assertEquals("top-hosts", commands.getObject(2).getString("name"));

            String listed = askUntil(harness, Map.of(), "top-hosts", text -> text.startsWith("2 hosts"));
            String rest = " · seen <t:\\d+:R> · load 1\\.50 on \\d+ cores? · 2 processes";
            assertTrue(listed.matches("(?s)2 hosts in the fleet:\n"
                    + "• \\*\\*db\\\\-1\\\\\\.eu\\\\\\.example\\\\\\.com\\*\\*" + rest + "\n"
                    + "• \\*\\*web\\\\-2\\*\\*" + rest), listed);

            FakeDiscord.Interaction typed = harness.discord.sendAutocomplete(guild, "top", "host", "");
            DataObject offered = harness.await(r -> callbackOf(r, typed), WAIT).json().orElseThrow();
            assertEquals(8, offered.getInt("type"));
            DataArray choices = offered.getObject("data").getArray("choices");
            assertEquals(List.of("testhost", "*", DB.value(), WEB.value()), List.of(
                    choices.getObject(0).getString("value"), choices.getObject(1).getString("value"),
                    choices.getObject(2).getString("value"), choices.getObject(3).getString("value")));
            FakeDiscord.Interaction typedDb = harness.discord.sendAutocomplete(guild, "top", "host", "DB");
            assertEquals(1, harness.await(r -> callbackOf(r, typedDb), WAIT).json().orElseThrow().getObject("data")
                    .getArray("choices").length(), "by prefix, any case");

            awaitTrue(() -> StoredSamples.of(nats.url(), WEB) >= 12);
            FakeDiscord.Interaction top = harness.discord.sendTop(guild, Map.of("seconds", 2, "host", WEB.value()));
            RecordedRequest answer = harness.await(r -> r.method().equals("PATCH") && r.isGif()
                    && r.path().contains(top.token()) && r.answeredStatus() == 200, WAIT);
            String summary = answer.json().orElseThrow().getString("content");
            assertTrue(summary.startsWith("web\\-2 · load 1.50"), summary);
            String altText = answer.json().orElseThrow().getArray("attachments").getObject(0).getString("description");
            assertTrue(altText.startsWith("web-2 · ") && altText.contains("nginx") && !altText.contains("postgres"),
                    "the alt text names the host and its busiest process: " + altText);
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            try (ImageInputStream in = ImageIO.createImageInputStream(
                    new ByteArrayInputStream(answer.file().orElseThrow()))) {
                reader.setInput(in);
                assertEquals(10, reader.getNumImages(true), "2 s at the fleet's 200 ms");
            }

            // Under the answer, a menu of the fleet's hosts: choosing one shows it in the same message.
            DataObject menu = answer.json().orElseThrow().getArray("components").getObject(1).getArray("components")
                    .getObject(0);
            assertEquals("Another host", menu.getString("placeholder"));
            assertEquals(List.of("testhost", "*", DB.value(), WEB.value()), List.of(
                    menu.getArray("options").getObject(0).getString("value"),
                    menu.getArray("options").getObject(1).getString("value"),
                    menu.getArray("options").getObject(2).getString("value"),
                    menu.getArray("options").getObject(3).getString("value")));
            FakeDiscord.Interaction chosen = harness.discord.choose(guild, answer, menu.getString("custom_id"),
                    DB.value());
            assertEquals(6, harness.await(r -> callbackOf(r, chosen), WAIT).json().orElseThrow().getInt("type"));
            RecordedRequest shown = harness.await(r -> r.method().equals("PATCH") && r.isGif()
                    && r.path().contains(chosen.token()) && r.answeredStatus() == 200, WAIT);
            String content = shown.json().orElseThrow().getString("content");
            assertTrue(content.startsWith("db\\-1\\.eu\\.example\\.com · "), content);
            assertTrue(shown.path().endsWith("/messages/@original"));
        }
    }

    @Test
    void theWholeFleetAtAGlanceShowsEveryHostBusiestFirstAndGreysOneThatStopped() throws Exception {
        HostName cache = new HostName("cache-3");
        try (NatsServerProcess nats = NatsServerProcess.start(folder.resolve("nats"));
             BotHarness harness = bot(nats.url(), "60s");
             FleetAgent db = agent(nats.url(), DB, "postgres", "pgbouncer");
             FleetAgent web = agent(nats.url(), WEB, "nginx", "gunicorn")) {
            FleetAgent stopped = agent(nats.url(), cache, "redis-server");
            askUntil(harness, Map.of(), "top-hosts", text -> text.startsWith("3 hosts"));
            stopped.close();
            askUntil(harness, Map.of(), "top-hosts", text -> text.contains("not reporting: **cache\\-3**"));
            awaitTrue(() -> StoredSamples.of(nats.url(), WEB) >= 12 && StoredSamples.of(nats.url(), DB) >= 12);

            long guild = harness.discord.guildIds().get(0);
            FakeDiscord.Interaction top = harness.discord.sendTop(guild, Map.of("seconds", 2, "host", "*"));
            RecordedRequest answer = harness.await(r -> r.method().equals("PATCH") && r.isGif()
                    && r.path().contains(top.token()) && r.answeredStatus() == 200, WAIT);
            String summary = answer.json().orElseThrow().getString("content");
            assertTrue(summary.startsWith("fleet · 3 hosts, 1 not reporting: cache\\-3 · busiest: "), summary);
            assertTrue(summary.contains("db\\-1\\.eu\\.example\\.com load 1.50")
                    && summary.contains("web\\-2 load 1.50"), "both reporting hosts, escaped: " + summary);
            String altText = answer.json().orElseThrow().getArray("attachments").getObject(0).getString("description");
            assertTrue(altText.startsWith("fleet · 3 hosts, 1 not reporting: cache-3 · busiest: "), altText);
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            try (ImageInputStream in = ImageIO.createImageInputStream(
                    new ByteArrayInputStream(answer.file().orElseThrow()))) {
                reader.setInput(in);
                assertEquals(10, reader.getNumImages(true), "2 s at the fleet's 200 ms");
                java.awt.image.BufferedImage first = reader.read(0);
                assertEquals(550, first.getWidth());
                assertTrue(hasColour(first, 0x6D6F78), "the stopped host is greyed");
                ImageIO.write(first, "png", new java.io.File("target/fleet-top-frame.png"));
            }
        }
    }

    private static boolean hasColour(java.awt.image.BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void anUnknownHostGetsTheNearestNameAndAKilledAgentsHostGoesStaleThenIsForgotten() throws Exception {
        try (NatsServerProcess nats = NatsServerProcess.start(folder.resolve("nats"));
             BotHarness harness = bot(nats.url());
             FleetAgent db = agent(nats.url(), DB, "postgres")) {
            FleetAgent web = agent(nats.url(), WEB, "nginx");
            askUntil(harness, Map.of(), "top-hosts", text -> text.contains("web\\-2"));
            web.close();

            String typo = askUntil(harness, Map.of("host", "db-1.eu.exmaple.com"), "top",
                    text -> text.contains("did you mean"));
            assertEquals("There is no host db\\-1\\.eu\\.exmaple\\.com in the fleet; did you mean "
                    + "db\\-1\\.eu\\.example\\.com? /top-hosts lists them.", typo);
            String stale = askUntil(harness, Map.of("host", "web-2"), "top", text -> text.contains("not reported"));
            assertTrue(stale.matches("web\\\\-2 has not reported since <t:\\d+:R>\\."), stale);
            String listed = askUntil(harness, Map.of(), "top-hosts", text -> text.contains("not reporting"));
            assertTrue(listed.contains("◦ not reporting: **web\\-2**"), listed);
            assertTrue(listed.contains("• **db\\-1"), listed);

            String forgotten = askUntil(harness, Map.of("host", "web-2"), "top", text -> text.startsWith("There is"));
            assertEquals("There is no host web\\-2 in the fleet; did you mean db\\-1\\.eu\\.example\\.com? "
                    + "/top-hosts lists them.", forgotten, "forget-after (3 s here) after its last renewal");
            assertTrue(askUntil(harness, Map.of(), "top-hosts", text -> !text.contains("web")).startsWith("1 host"));
        }
    }

    @Test
    void whileTheBrokerIsDownAFleetHostIsRefusedThisHostStillAnswersAndAfterItFleetAnswersResume()
            throws Exception {
        NatsServerProcess nats = NatsServerProcess.start(folder.resolve("nats"));
        try (BotHarness harness = bot(nats.url()); FleetAgent db = agent(nats.url(), DB, "postgres")) {
            askUntil(harness, Map.of(), "top-hosts", text -> text.contains("db\\-1"));
            nats.kill();
            String refused = askUntil(harness, Map.of("host", DB.value()), "top", text -> text.contains("unreachable"));
            assertEquals("The fleet's broker is unreachable right now, so db\\-1\\.eu\\.example\\.com cannot be shown; "
                    + "/top without host shows testhost.", refused);

            FakeDiscord.Interaction local = harness.discord.sendTop(harness.discord.guildIds().get(0),
                    Map.of("seconds", 2));
            RecordedRequest answer = harness.await(r -> r.method().equals("PATCH") && r.isGif()
                    && r.path().contains(local.token()) && r.answeredStatus() == 200, WAIT);
            assertTrue(answer.json().orElseThrow().getString("content").startsWith("testhost · "));

            nats.start();
            askUntil(harness, Map.of("host", DB.value()), "top", text -> text.equals("(deferred)"));
            RecordedRequest resumed = harness.await(r -> r.method().equals("PATCH") && r.isGif()
                    && r.answeredStatus() == 200 && r.json().orElseThrow().getString("content").startsWith("db\\-1"),
                    WAIT);
            assertTrue(resumed.json().orElseThrow().getString("content").contains("postgres"));

        } finally {
            nats.close();
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within " + WAIT);
            Thread.sleep(20);
        }
    }
}
