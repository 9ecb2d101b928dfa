package org.topgif.fleet.nats;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nats-server with JetStream on 127.0.0.1 and a free port, its store in a folder of the test's, for
 * tests (Debian's nats-server package; .ci/run installs it). It can be stopped and started again on the same
 * port and store, as a restarted broker is. Test code.
 */
public final class NatsServerProcess implements AutoCloseable {

    private final Path folder;
    private final int port;
    private final String config;
    private final java.util.Map<String, String> environment;
    private Process server;

    private NatsServerProcess(Path folder, int port, String config, java.util.Map<String, String> environment) {
        this.folder = folder;
        this.port = port;
        this.config = config;
        this.environment = java.util.Map.copyOf(environment);
    }

    /** A server with JetStream and no users. */
    public static NatsServerProcess start(Path folder) throws IOException, InterruptedException {
        return start(folder, "");
    }

    /** A server with {@code config} (nats-server's own syntax: users, permissions) added to its own. */
    public static NatsServerProcess start(Path folder, String config) throws IOException, InterruptedException {
        return start(folder, config, java.util.Map.of());
    }

    /** The same, with {@code environment} for the $VARIABLES that {@code config} names (passwords, say). */
    public static NatsServerProcess start(Path folder, String config, java.util.Map<String, String> environment)
            throws IOException, InterruptedException {
        NatsServerProcess nats = new NatsServerProcess(folder, freePort(), config, environment);
        nats.start();
        return nats;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** Starts it (again) and returns once it takes connections. */
    public void start() throws IOException, InterruptedException {
        Files.createDirectories(folder.resolve("store"));
        Path conf = folder.resolve("nats.conf");
        Files.writeString(conf, "listen: \"127.0.0.1:" + port + "\"\njetstream { store_dir: \""
                + folder.resolve("store") + "\" }\n" + config + "\n");
        List<String> command = new ArrayList<>(List.of("nats-server", "-c", conf.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("nats.log").toFile()));
        builder.environment().putAll(environment);
        server = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!takesConnections()) {
            if (!server.isAlive()) {
                throw new IOException("nats-server stopped at start: " + Files.readString(folder.resolve("nats.log")));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("nats-server did not take connections on " + port);
            }
            Thread.sleep(20);
        }
    }

    private boolean takesConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** What the server logged: refusals of permission among them. */
    public String log() throws IOException {
        return Files.readString(folder.resolve("nats.log"));
    }

    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    /** The server's process id, for a bench that measures its CPU. */
    public long pid() {
        return server.pid();
    }

    public int port() {
        return port;
    }

    /** Stops it at once, as a crash or a kill would. */
    public void kill() throws InterruptedException {
        if (server != null) {
            server.destroyForcibly();
            server.waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
