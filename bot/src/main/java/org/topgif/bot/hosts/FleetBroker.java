package org.topgif.bot.hosts;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.config.TopgifSettings;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.fleet.OutcomeLog;
import org.topgif.fleet.directory.HostDirectory;
import org.topgif.fleet.nats.FleetConnection;
import org.topgif.fleet.nats.FleetStreams;
import org.topgif.fleet.nats.SampleStream;

/**
 * The bot's side of the fleet: its connection, the stream and bucket made (or brought in line with the
 * settings) on every connect, the directory watched, and the threads that read samples. Owns them all until
 * closed.
 */
public final class FleetBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetBroker.class);

    /**
     * Broker reads at once: as many as answers drawn at once (rate-limit.max-concurrent-answers' default), since
     * each read mostly waits for the broker; a slow broker holds no more threads than this.
     */
    private static final int READERS = 16;

    private final FleetConnection connection;
    private final HostDirectory directory;
    private final BrokerSamples samples;
    private final SampleStream stream;
    private final ExecutorService reads;
    private final Duration staleAfter;
    private final Clock clock;

    private FleetBroker(FleetConnection connection, HostDirectory directory, SampleStream stream,
                        BrokerSamples samples, ExecutorService reads, Duration staleAfter, Clock clock) {
        this.stream = stream;
        this.connection = connection;
        this.directory = directory;
        this.samples = samples;
        this.reads = reads;
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    /**
     * Connects in the background: a broker that is down now is retried, and the bot starts meanwhile. The bot
     * makes the stores, or brings their limits in line with its settings, on every connect.
     */
    public static FleetBroker connect(TopgifSettings settings, Clock clock) throws IOException, InterruptedException {
        return connect(settings, clock, true);
    }

    /** The same for a one-shot reader, such as {@code render --fleet}, which leaves the stores as the bot made them. */
    public static FleetBroker connectToRead(TopgifSettings settings, Clock clock)
            throws IOException, InterruptedException {
        return connect(settings, clock, false);
    }

    private static FleetBroker connect(TopgifSettings settings, Clock clock, boolean manageStores)
            throws IOException, InterruptedException {
        Duration interval = settings.recording().interval();
        // The stream reaches as far back as the history, and at least as far as the longest /top.
        Duration reach = Duration.ofSeconds(Math.max(settings.history().seconds(), settings.command().secondsMax()));
        long samplesPerHost = reach.toMillis() / interval.toMillis() * 2 + 10;
        FleetConnection connection = FleetConnection.open(settings.fleet(), "topgif-bot "
                + settings.host().name());
        OutcomeLog stores = new OutcomeLog(LOG);
        if (manageStores) {
            connection.whenConnected(connected -> {
                try {
                    FleetStreams.ensure(connected, reach, samplesPerHost, settings.fleet().forgetAfter());
                    stores.tell("fleet: the samples' stream keeps " + reach.toSeconds() + " s; the host directory "
                            + "forgets a host after " + settings.fleet().forgetAfter().toSeconds() + " s");
                } catch (IOException | io.nats.client.JetStreamApiException | RuntimeException failed) {
                    stores.tell("fleet: cannot set up the samples' stream and host directory: "
                            + OutcomeLog.reason(failed));
                }
            });
        }
        HostDirectory directory = new HostDirectory(settings.fleet().forgetAfter(), clock);
        directory.watch(connection);
        ExecutorService reads = Executors.newFixedThreadPool(READERS, job -> {
            Thread thread = new Thread(job, "topgif-fleet-read");
            thread.setDaemon(true);
            return thread;
        });
        SampleStream stream = new SampleStream(connection);
        return new FleetBroker(connection, directory, stream, new BrokerSamples(stream, reads), reads,
                settings.fleet().staleAfter(interval), clock);
    }

    /** The fleet as requests see it, beside the bot's {@code own} host, with {@code settings}' default host. */
    public FleetView view(org.topgif.config.HostName own, TopgifSettings settings) {
        return new FleetView(own, settings.fleet().defaultHost(), Optional.of(directory),
                connection::connected, staleAfter, clock, Optional.of(samples));
    }

    /** Waits until the host directory holds what the broker holds; false if the broker did not answer in time. */
    public boolean awaitDirectory(Duration timeout) throws InterruptedException {
        return directory.awaitListed(timeout);
    }

    /** The broker's address, without credentials, for messages. */
    public String servers() {
        return connection.servers();
    }

    /** Hands {@code each} every sample {@code host} publishes, as it arrives, on the broker's dispatcher thread. */
    public void follow(org.topgif.config.HostName host, java.util.function.Consumer<SystemSample> each) {
        stream.follow(host, each);
    }

    public BrokerSamples samples() {
        return samples;
    }

    @Override
    public void close() throws InterruptedException {
        reads.shutdownNow();
        connection.close();
    }
}
