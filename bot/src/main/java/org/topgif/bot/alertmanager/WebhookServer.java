package org.topgif.bot.alertmanager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.config.AlertmanagerSettings;

/**
 * The webhook receiver: {@code POST /alertmanager} with the bearer token, a body of at most {@code max-body}
 * bytes (a larger one is refused with 413 before it is read), and a webhook's shape (else 400 with one line).
 * What it takes is handed on at once, so a sender never waits for Discord.
 *
 * <p>The JDK's server, on a pool of {@link #THREADS} threads: its {@code sun.net.httpserver.maxReqTime} closes
 * a connection whose request has not arrived whole in {@link #REQUEST_SECONDS} s, so a slow client holds a
 * thread that long at most ({@code WebhookServerTest} holds {@link #THREADS} slow clients open while another
 * request is answered). Thread-safe.
 */
public final class WebhookServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);
    static final int THREADS = 8;
    static final int REQUEST_SECONDS = 10;
    public static final String PATH = "/alertmanager";

    static {
        // Read once, when the JDK's server is first loaded; the bot loads it nowhere else.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
        }
        if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
            System.setProperty("sun.net.httpserver.maxRspTime", Integer.toString(REQUEST_SECONDS));
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;

    private WebhookServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Starts listening; {@code received} gets each webhook taken, on a thread of the server's, and must not block. */
    public static WebhookServer start(AlertmanagerSettings settings, Consumer<WebhookPayload> received)
            throws IOException {
        InetSocketAddress address = settings.listen().orElseThrow();
        byte[] expected = ("Bearer " + settings.token().orElseThrow().value()).getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(address, 50);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, job -> {
            Thread thread = new Thread(job, "topgif-webhook");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", exchange -> handle(exchange, settings, expected, received));
        server.start();
        LOG.info("alertmanager: receiving webhooks at http://{}:{}{}", address.getHostString(),
                server.getAddress().getPort(), PATH);
        return new WebhookServer(server, threads);
    }

    /** The port it listens on: the one asked for, or the one given for port 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    private static void handle(HttpExchange exchange, AlertmanagerSettings settings, byte[] expected,
                               Consumer<WebhookPayload> received) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                answer(exchange, 404, "no such path; webhooks go to " + PATH);
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 405, "POST a webhook");
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] given = authorization == null ? new byte[0] : authorization.getBytes(StandardCharsets.UTF_8);
            // The same time whatever the first wrong byte, so the token cannot be guessed byte by byte.
            if (!MessageDigest.isEqual(given, expected)) {
                answer(exchange, 401, "a webhook needs Authorization: Bearer and the receiver's token");
                return;
            }
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            if (length != null && tooLong(length, settings.maxBody())) {
                answer(exchange, 413, "the body is larger than " + settings.maxBody() + " bytes");
                return;
            }
            byte[] body = read(exchange.getRequestBody(), settings.maxBody());
            if (body == null) {
                answer(exchange, 413, "the body is larger than " + settings.maxBody() + " bytes");
                return;
            }
            WebhookPayload payload;
            try {
                payload = WebhookPayload.parse(body, settings.hostLabel());
            } catch (WebhookPayload.Malformed malformed) {
                answer(exchange, 400, malformed.getMessage());
                return;
            }
            received.accept(payload);
            answer(exchange, 200, "ok");
        }
    }

    private static boolean tooLong(String length, int max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException notANumber) {
            return true;
        }
    }

    /** At most {@code max} bytes of {@code in}; null if there are more. */
    private static byte[] read(InputStream in, int max) throws IOException {
        byte[] body = in.readNBytes(max + 1);
        return body.length > max ? null : body;
    }

    private static void answer(HttpExchange exchange, int status, String line) throws IOException {
        byte[] text = (line + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        // A refused body is not read: the connection closes after the answer rather than reading what is left.
        if (status != 200) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        exchange.sendResponseHeaders(status, text.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(text);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
