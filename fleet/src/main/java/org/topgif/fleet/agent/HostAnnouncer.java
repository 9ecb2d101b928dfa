package org.topgif.fleet.agent;

import java.io.IOException;
import java.time.Clock;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.config.HostName;
import org.topgif.fleet.HostToken;
import org.topgif.fleet.OutcomeLog;
import org.topgif.fleet.nats.FleetConnection;
import org.topgif.fleet.nats.FleetStreams;
import org.topgif.fleet.wire.HostEntry;
import org.topgif.fleet.wire.HostEntryCodec;
import org.topgif.renderer.sample.SystemSample;

/**
 * Renews an agent's entry in the host directory, from its latest sample, once a heartbeat. The entry's key is
 * the host's token; the broker's own time of the write is what the bot counts as "last seen". Runs on its
 * own thread, so a slow broker never holds up sampling.
 */
public final class HostAnnouncer {

    private static final Logger LOG = LoggerFactory.getLogger(HostAnnouncer.class);

    private final FleetConnection fleet;
    private final HostName host;
    private final String key;
    private final int cores;
    private final String version;
    private final Clock clock;
    private final HostEntryCodec codec = new HostEntryCodec();
    private final OutcomeLog outcome = new OutcomeLog(LOG);

    /** @param cores the host's logical CPUs, which a sample does not carry */
    public HostAnnouncer(FleetConnection fleet, HostName host, int cores, String version, Clock clock) {
        this.fleet = fleet;
        this.host = host;
        this.key = HostToken.of(host).value();
        this.cores = cores;
        this.version = version;
        this.clock = clock;
    }

    /** Writes the entry for {@code latest}; nothing while the broker is unreachable. */
    public void announce(SystemSample latest) throws InterruptedException {
        Connection connection = fleet.connection().orElse(null);
        if (connection == null || !fleet.connected()) {
            return;
        }
        HostEntry entry = new HostEntry(host, Math.max(1, cores), latest.memory().totalKiB(),
                latest.processes().size(), latest.load().oneMinute(), version, clock.instant());
        try {
            connection.keyValue(FleetStreams.BUCKET).put(key, codec.encode(entry));
            outcome.tell("fleet: " + host + " is in the host directory as " + key);
        } catch (IOException | JetStreamApiException | RuntimeException refused) {
            outcome.tell("fleet: cannot renew " + host + " in the host directory: " + OutcomeLog.reason(refused));
        }
    }
}
