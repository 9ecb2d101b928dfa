package org.topgif.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topgif.bot.fake.FakeDiscord;
import org.topgif.bot.fake.RecordedRequest;
import org.topgif.renderer.sample.CpuStates;
import org.topgif.renderer.sample.LoadAverage;
import org.topgif.renderer.sample.Memory;
import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.sample.TaskCounts;

/**
 * The webhook receiver in the bot, through the real JDA client against the fake Discord: recorded Alertmanager
 * payloads posted by an HTTP client, and a real Alertmanager (Debian's) that sends its own.
 */
@Timeout(120)
class AlertmanagerEndToEndTest {

    private static final String TOKEN = "am-token-1";

    @TempDir
    Path folder;

    private final HttpClient client = HttpClient.newHttpClient();

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A host's history of 30 calm seconds, so that an alert's GIF has its minute (30 s here). */
    private static PushedSamples host() {
        PushedSamples host = new PushedSamples(30);
        for (int second = 0; second < 30; second++) {
            List<ProcessRow> rows = List.of(new ProcessRow(1, "root", 20, 0, 1000, 500, 100, 'S', 1, 0.1, 100, "init",
                    "/sbin/init"));
            host.push(new SystemSample(LocalTime.of(14, 0).plusSeconds(second), Duration.ofHours(1),
                    OptionalInt.empty(), new LoadAverage(0.1, 0.1, 0.1), TaskCounts.of(rows),
                    new CpuStates(1, 1, 0, 98, 0, 0, 0, 0), new Memory(1000, 500, 400, 100, 600, 0, 0, 0), rows));
        }
        return host;
    }

    private BotHarness bot(FakeDiscord discord, long channel, int port) throws Exception {
        return BotHarness.start(discord, Map.of("TOPGIF_ALERTMANAGER_LISTEN", "127.0.0.1:" + port,
                "TOPGIF_ALERTMANAGER_TOKEN", TOKEN, "TOPGIF_ALERTMANAGER_CHANNEL", Long.toString(channel)), "", host(),
                null);
    }

    private int post(int port, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/alertmanager"))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String webhook(String status, String fingerprint, String instance, int truncated) {
        return "{\"version\":\"4\",\"status\":\"" + status + "\",\"truncatedAlerts\":" + truncated + ",\"alerts\":[{"
                + "\"status\":\"" + status + "\",\"labels\":{\"alertname\":\"HighCPU\",\"instance\":\"" + instance
                + "\",\"severity\":\"page\"},\"annotations\":{\"summary\":\"CPU above 90%\",\"description\":"
                + "\"@everyone look\"},\"generatorURL\":\"http://prometheus:9090/graph?g0.expr=cpu\","
                + "\"fingerprint\":\"" + fingerprint + "\"}]}";
    }

    private static String content(RecordedRequest request) {
        return request.json().orElseThrow().getString("content");
    }

    @Test
    void aFiringAlertIsOneMessageWithItsHostsGifARepeatNothingAndItsResolutionAnEdit() throws Exception {
        int port = freePort();
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            try (BotHarness harness = bot(discord, channel, port)) {
                assertEquals(200, post(port, webhook("firing", "1a2b3c4d5e6f7a8b", "testhost:9100", 0)));
                Await.until(() -> discord.storedMessages(channel).size() == 1, "the alert's message");
                RecordedRequest alert = discord.storedMessages(channel).get(0);
                assertEquals("**FIRING** HighCPU · page · testhost\nCPU above 90\\%\n\\@everyone look\n"
                        + "<http://prometheus:9090/graph?g0.expr=cpu>\n-# alertmanager 1a2b3c4d5e6f7a8b", content(alert));
                assertEquals(List.of(), alert.json().orElseThrow().getObject("allowed_mentions").getArray("parse")
                        .toList());
                assertEquals("am-1a2b3c4d5e6f7a8b.gif", alert.fileName().orElseThrow());
                assertTrue(alert.file().orElseThrow().length > 0, "the host's last seconds");

                // A repeat shows nothing new; an alert on a host topgif does not show gets the text alone.
                assertEquals(200, post(port, webhook("firing", "1a2b3c4d5e6f7a8b", "testhost:9100", 0)));
                assertEquals(200, post(port, webhook("firing", "99", "ghost:9100", 2)));
                Await.until(() -> discord.storedMessages(channel).size() == 3, "the ghost's message and the left-out line");
                List<RecordedRequest> posts = discord.storedMessages(channel);
                assertTrue(content(posts.get(1)).contains("\nno process view for host ghost\n"), content(posts.get(1)));
                assertTrue(posts.get(1).fileName().isEmpty());
                assertEquals("Alertmanager left out 2 more alerts of this notification (truncatedAlerts).",
                        content(posts.get(2)));

                assertEquals(200, post(port, webhook("resolved", "1a2b3c4d5e6f7a8b", "testhost:9100", 0)));
                Await.until(() -> discord.editsOf(channel).size() == 1, "resolved");
                String resolved = content(discord.editsOf(channel).get(0));
                assertTrue(resolved.startsWith("**RESOLVED** HighCPU · page · testhost\n"), resolved);
                assertEquals(3, discord.storedMessages(channel).size());
            }
        }
    }

    @Test
    void aRealAlertmanagerSendsItsAlertAndItsResolutionToTheBot() throws Exception {
        int port = freePort();
        int alertmanagerPort = freePort();
        Path config = Files.writeString(folder.resolve("alertmanager.yml"), """
                route:
                  receiver: topgif
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: topgif
                    webhook_configs:
                      - url: http://127.0.0.1:%d/alertmanager
                        send_resolved: true
                        http_config:
                          authorization:
                            type: Bearer
                            credentials: %s
                """.formatted(port, TOKEN));
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            try (BotHarness harness = bot(discord, channel, port)) {
                Process alertmanager = new ProcessBuilder("prometheus-alertmanager", "--config.file=" + config,
                        "--storage.path=" + folder.resolve("data"), "--web.listen-address=127.0.0.1:" + alertmanagerPort,
                        "--cluster.listen-address=").redirectErrorStream(true)
                        .redirectOutput(folder.resolve("alertmanager.log").toFile()).start();
                try {
                    String api = "http://127.0.0.1:" + alertmanagerPort + "/api/v2/alerts";
                    Await.until(() -> {
                        try {
                            return client.send(HttpRequest.newBuilder(URI.create(api)).GET().build(),
                                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                        } catch (IOException | InterruptedException notYet) {
                            return false;
                        }
                    }, "Alertmanager is up");
                    String alert = "[{\"labels\":{\"alertname\":\"DiskFull\",\"instance\":\"testhost:9100\","
                            + "\"severity\":\"warning\"},\"annotations\":{\"summary\":\"/ is 97% full\"},"
                            + "\"generatorURL\":\"http://prometheus:9090/graph\"}]";
                    assertEquals(200, client.send(HttpRequest.newBuilder(URI.create(api)).header("Content-Type",
                            "application/json").POST(HttpRequest.BodyPublishers.ofString(alert)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode());
                    Await.until(() -> discord.storedMessages(channel).size() == 1, "Alertmanager's alert");
                    String firing = content(discord.storedMessages(channel).get(0));
                    assertTrue(firing.startsWith("**FIRING** DiskFull · warning · testhost\n\\/ is 97\\% full\n"), firing);
                    assertTrue(firing.matches("(?s).*\n-# alertmanager [0-9a-f]{16}"), firing);

                    String ended = "[{\"labels\":{\"alertname\":\"DiskFull\",\"instance\":\"testhost:9100\","
                            + "\"severity\":\"warning\"},\"annotations\":{\"summary\":\"/ is 97% full\"},"
                            + "\"endsAt\":\"" + Instant.now().minusSeconds(1) + "\"}]";
                    client.send(HttpRequest.newBuilder(URI.create(api)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(ended)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    Await.until(() -> discord.editsOf(channel).size() == 1, "Alertmanager's resolution");
                    assertTrue(content(discord.editsOf(channel).get(0)).startsWith("**RESOLVED** DiskFull"));
                    assertEquals(1, discord.storedMessages(channel).size());
                } finally {
                    alertmanager.destroy();
                    alertmanager.waitFor();
                }
            }
        }
    }
}
