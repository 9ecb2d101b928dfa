package org.topgif.bot.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.topgif.config.AlertmanagerSettings;
import org.topgif.config.SecretText;

/** The receiver against a real HTTP client and raw sockets on 127.0.0.1: what it refuses, and how fast. */
@Timeout(60)
class WebhookServerTest {

    private static final String TOKEN = "s3cret-token";
    private final List<WebhookPayload> received = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private WebhookServer start() throws Exception {
        return WebhookServer.start(new AlertmanagerSettings(Optional.of(new InetSocketAddress(
                InetAddress.getLoopbackAddress(), 0)), Optional.of(new SecretText(TOKEN)), 1, "instance", 4096),
                received::add);
    }

    private HttpResponse<String> post(WebhookServer server, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + WebhookServer.PATH)).timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWebhookWithTheTokenIsTakenAndOneWithoutOrMalformedIsRefusedWithOneLine() throws Exception {
        try (WebhookServer server = start()) {
            HttpResponse<String> ok = post(server, "Bearer " + TOKEN, WebhookPayloadTest.ALERTMANAGER);
            assertEquals(200, ok.statusCode());
            assertEquals(1, received.size());
            assertEquals("HighCPU", received.get(0).alerts().get(0).name());

            assertEquals(401, post(server, null, WebhookPayloadTest.ALERTMANAGER).statusCode());
            assertEquals(401, post(server, "Bearer " + TOKEN + "x", WebhookPayloadTest.ALERTMANAGER).statusCode());
            HttpResponse<String> malformed = post(server, "Bearer " + TOKEN, "{\"alerts\": 3}");
            assertEquals(400, malformed.statusCode());
            assertEquals("the body has no alerts array\n", malformed.body());
            assertEquals(404, client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/other")).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(1, received.size(), "nothing else was taken");
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        try (WebhookServer server = start(); Socket socket = new Socket(InetAddress.getLoopbackAddress(),
                server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            // Says 1 GB is coming and sends none of it: the answer comes at once.
            out.write(("POST " + WebhookServer.PATH + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Length: 1000000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", answer);
            assertEquals(413, post(server, "Bearer " + TOKEN, "x".repeat(5000)).statusCode(), "a body without a length");
        }
    }

    @Test
    void slowClientsAreCutOffAndAnotherRequestIsAnsweredMeanwhile() throws Exception {
        try (WebhookServer server = start()) {
            List<Socket> slow = new ArrayList<>();
            for (int i = 0; i < WebhookServer.THREADS / 2; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
                socket.getOutputStream().write("POST /alertmanager HTTP/1.1\r\nHost: x\r\n".getBytes(
                        StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            long start = System.nanoTime();
            assertEquals(200, post(server, "Bearer " + TOKEN, WebhookPayloadTest.ALERTMANAGER).statusCode());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2000, "not held up by the slow ones");
            // The slow ones are closed once their request has taken longer than the limit (3 s in the tests).
            for (Socket socket : slow) {
                socket.setSoTimeout(15_000);
                InputStream in = socket.getInputStream();
                long waited = System.nanoTime();
                assertEquals(-1, in.read(), "closed by the server");
                assertTrue(Duration.ofNanos(System.nanoTime() - waited).toSeconds() < 12);
                socket.close();
            }
        }
    }
}
