package org.topgif.fleet.nats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;

import io.nats.client.NKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topgif.config.FleetServers;
import org.topgif.config.FleetSettings;
import org.topgif.config.SecretText;

/** Each way topgif.fleet signs in, against a real nats-server that asks for it. */
@Timeout(60)
class FleetSignInTest {

    @TempDir
    Path folder;

    private static FleetSettings settings(String url, Optional<SecretText> token, Optional<Path> nkeyFile) {
        return new FleetSettings(FleetServers.parse(url), Optional.empty(), Optional.empty(), token, Optional.empty(),
                nkeyFile, Optional.empty(), Duration.ofSeconds(5), Duration.ofMinutes(1), Optional.empty());
    }

    private static void awaitConnected(FleetConnection connection) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!connection.connected()) {
            assertTrue(System.nanoTime() < deadline, "not connected within 30 s: " + connection.state());
            Thread.sleep(20);
        }
    }

    @Test
    void aTokenSignsIn() throws Exception {
        try (NatsServerProcess nats = NatsServerProcess.start(folder, "authorization { token: \"t0ken-s3cret\" }");
             FleetConnection connection = FleetConnection.open(settings(nats.url(),
                     Optional.of(new SecretText("t0ken-s3cret")), Optional.empty()), "test")) {
            awaitConnected(connection);
        }
    }

    @Test
    void anNkeySeedFileSignsIn() throws Exception {
        NKey user = NKey.createUser(new SecureRandom());
        Path seed = Files.writeString(folder.resolve("agent.nk"), new String(user.getSeed()) + "\n");
        try (NatsServerProcess nats = NatsServerProcess.start(folder.resolve("nats"), "authorization { users = [ { "
                + "nkey: \"" + new String(user.getPublicKey()) + "\" } ] }");
             FleetConnection connection = FleetConnection.open(settings(nats.url(), Optional.empty(),
                     Optional.of(seed)), "test")) {
            awaitConnected(connection);
        }
    }
}
