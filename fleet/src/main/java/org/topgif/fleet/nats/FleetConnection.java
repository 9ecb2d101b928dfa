package org.topgif.fleet.nats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.config.FleetSettings;
import org.topgif.fleet.OutcomeLog;

/**
 * One NATS connection of an agent or a bot. It is opened in the background and never given up: a broker that
 * is down at start or goes away later is retried with a growing pause, and each change of state (connected,
 * unreachable, lost, back) is one log line, never one per attempt. Nothing it logs holds a credential.
 * Thread-safe: NATS's threads report, any thread reads.
 */
public final class FleetConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetConnection.class);

    /** The longest pause between attempts to reach the broker. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** What the connection is doing, as the log tells it. */
    public enum State { CONNECTING, CONNECTED, UNREACHABLE, CLOSED }

    private final String servers;
    private final AtomicReference<State> state = new AtomicReference<>(State.CONNECTING);
    private final AtomicReference<Connection> connection = new AtomicReference<>();
    /** The connection NATS is still making, as its failed attempts name it: what close() stops. */
    private final AtomicReference<Connection> attempting = new AtomicReference<>();
    private final OutcomeLog serverSays = new OutcomeLog(LOG);
    private final java.util.List<java.util.function.Consumer<Connection>> onConnect =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Runs what must follow each connect, off NATS's threads, one at a time. */
    private final java.util.concurrent.ExecutorService afterConnect = java.util.concurrent.Executors
            .newSingleThreadExecutor(job -> {
                Thread thread = new Thread(job, "topgif-fleet");
                thread.setDaemon(true);
                return thread;
            });

    private FleetConnection(String servers) {
        this.servers = servers;
    }

    /**
     * Starts connecting to the broker in {@code settings} and returns at once.
     *
     * @param name how the broker's monitoring names this client, such as {@code topgif-agent db-1}
     * @throws IOException when a credentials, NKey or CA file cannot be read
     */
    public static FleetConnection open(FleetSettings settings, String name) throws IOException, InterruptedException {
        FleetConnection fleet = new FleetConnection(settings.servers().orElseThrow().shown());
        Options.Builder options = new Options.Builder()
                .servers(settings.servers().get().urls().stream().map(Object::toString).toArray(String[]::new))
                .connectionName(name)
                .maxReconnects(-1)
                .reconnectDelayHandler(FleetConnection::backoff)
                .connectionTimeout(Duration.ofSeconds(5))
                // Samples are worth little once late: no more than a few seconds of them wait for a reconnect,
                // or for a broker that is behind, and a publish never blocks: what does not fit is dropped.
                .reconnectBufferSize(256 * 1024)
                .maxMessagesInOutgoingQueue(64)
                .discardMessagesWhenOutgoingQueueFull()
                .connectionListener(fleet.new Listener())
                .errorListener(fleet.new Errors());
        settings.user().ifPresent(user -> options.userInfo(user.toCharArray(),
                settings.password().map(password -> password.value().toCharArray()).orElse(new char[0])));
        settings.token().ifPresent(token -> options.token(token.value().toCharArray()));
        if (settings.credentialsFile().isPresent()) {
            options.authHandler(Nats.credentials(settings.credentialsFile().get().toString()));
        }
        if (settings.nkeyFile().isPresent()) {
            char[] seed = Files.readString(settings.nkeyFile().get(), StandardCharsets.US_ASCII).trim().toCharArray();
            options.authHandler(Nats.staticCredentials(null, seed));
        }
        if (settings.caFile().isPresent()) {
            options.sslContext(trusting(settings.caFile().get()));
        }
        Nats.connectAsynchronously(options.build(), true);
        return fleet;
    }

    /** 0.25 s, doubling each attempt, up to {@link #MAX_BACKOFF}. */
    static Duration backoff(long attempts) {
        long millis = 250L << Math.min(attempts, 10);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }

    private static SSLContext trusting(java.nio.file.Path caFile) throws IOException {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("ca-" + n++, certificate);
            }
            if (n == 0) {
                throw new IOException(caFile + " holds no certificate");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls;
        } catch (GeneralSecurityException unusable) {
            throw new IOException(caFile + " is not a PEM certificate file", unusable);
        }
    }

    /**
     * Runs {@code action} after every connect and reconnect, on a thread of this connection's, and at once if
     * connected now: what the broker may have lost (a stream, a watch) is set up again.
     */
    public void whenConnected(java.util.function.Consumer<Connection> action) {
        onConnect.add(action);
        Connection now = connection.get();
        if (now != null && connected()) {
            afterConnect.execute(() -> action.accept(now));
        }
    }

    /** The connection once it has been made; it stays the same object across reconnects. */
    public Optional<Connection> connection() {
        return Optional.ofNullable(connection.get());
    }

    /** Whether the broker can be reached now. */
    public boolean connected() {
        Connection now = connection.get();
        return now != null && now.getStatus() == Connection.Status.CONNECTED;
    }

    public State state() {
        return state.get();
    }

    /** The servers as log lines name them, without credentials. */
    public String servers() {
        return servers;
    }

    private void enter(State next, String line) {
        if (state.getAndSet(next) != next) {
            LOG.info(line);
        }
    }

    @Override
    public void close() throws InterruptedException {
        Connection open = connection.get();
        state.set(State.CLOSED);
        afterConnect.shutdownNow();
        if (open == null) {
            open = attempting.get();
        }
        if (open != null) {
            open.close();
        }
    }

    /**
     * A connection that NATS is still making after {@link #close()}: one that never connected is only known
     * from its own callbacks, and would otherwise keep retrying for the life of the JVM. Closed on a thread
     * of its own, since NATS's callback threads are among those that closing waits for.
     */
    private boolean closeIfClosed(Connection conn) {
        if (state.get() != State.CLOSED || conn == null) {
            return false;
        }
        Thread closing = new Thread(() -> {
            try {
                conn.close();
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        }, "topgif-fleet-close");
        closing.setDaemon(true);
        closing.start();
        return true;
    }

    private final class Listener implements ConnectionListener {
        @Override
        public void connectionEvent(Connection conn, Events type) {
            switch (type) {
                case CONNECTED, RECONNECTED -> {
                    if (closeIfClosed(conn)) {
                        return;
                    }
                    connection.set(conn);
                    enter(State.CONNECTED, "fleet: connected to the broker at " + servers);
                    for (var action : onConnect) {
                        afterConnect.execute(() -> action.accept(conn));
                    }
                }
                case DISCONNECTED -> {
                    if (state.get() != State.CLOSED) {
                        enter(State.UNREACHABLE, "fleet: lost the broker at " + servers
                                + "; reconnecting, waiting up to " + MAX_BACKOFF.toSeconds() + " s between attempts");
                    }
                }
                case CLOSED -> enter(State.CLOSED, "fleet: closed the connection to " + servers);
                default -> {
                }
            }
        }
    }

    /** NATS reports each failed attempt here; the state says it once. */
    private final class Errors implements ErrorListener {
        @Override
        public void exceptionOccurred(Connection conn, Exception exception) {
            if (conn != null) {
                attempting.set(conn);
            }
            if (closeIfClosed(conn)) {
                return;
            }
            if (state.get() == State.CONNECTING || state.get() == State.UNREACHABLE) {
                // The exception's text may name a server URL with its password: only its kind is said.
                enter(State.UNREACHABLE, "fleet: the broker at " + servers + " is unreachable ("
                        + exception.getClass().getSimpleName() + "); retrying, waiting up to "
                        + MAX_BACKOFF.toSeconds() + " s between attempts");
            }
        }

        @Override
        public void errorOccurred(Connection conn, String error) {
            // The server's own words, such as "Authorization Violation" or a permissions error: short, ours.
            serverSays.tell("fleet: the broker at " + servers + " says: "
                    + (error.length() > 200 ? error.substring(0, 200) : error));
        }
    }
}
