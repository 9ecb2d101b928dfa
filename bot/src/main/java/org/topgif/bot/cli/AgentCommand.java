package org.topgif.bot.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.config.TopgifSettings;
import org.topgif.fleet.agent.FleetAgent;
import org.topgif.renderer.sample.ProcessSampler;
import org.topgif.renderer.sample.SystemSample;

/** {@code topgif agent}: this host's samples, published to the fleet's broker for a bot elsewhere to show. */
final class AgentCommand implements Subcommand {

    private static final Logger LOG = LoggerFactory.getLogger(AgentCommand.class);

    static final String NO_BROKER = "the agent publishes to a broker: set TOPGIF_FLEET_URL (topgif.fleet.url), "
            + "such as nats://nats:4222";

    private final TopgifSettings settings;

    AgentCommand(TopgifSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "agent";
    }

    @Override
    public String summary() {
        return "sample this host and publish it to the fleet's broker, for a topgif bot elsewhere";
    }

    @Override
    public String usage() {
        return """
                Samples this host once per topgif.recording.interval, redacts and bounds every process's text
                here, and publishes each sample to topgif.samples.<host> on the fleet's NATS JetStream broker;
                renews the host's entry in the host directory once per topgif.fleet.heartbeat. Runs until
                stopped (SIGTERM or Ctrl-C). No Discord token is needed.

                environment:
                  TOPGIF_FLEET_URL         the broker, such as nats://nats:4222 (required)
                  TOPGIF_HOST_NAME         this host's name in chat (else host-name-file, else the OS's)
                  TOPGIF_FLEET_USER, TOPGIF_FLEET_PASSWORD, TOPGIF_FLEET_TOKEN, TOPGIF_FLEET_CREDENTIALS_FILE,
                  TOPGIF_FLEET_NKEY_FILE   one way to sign in; TOPGIF_FLEET_CA_FILE for tls://
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, InterruptedException {
        ParsedOptions.parse(args, Set.of(), Set.of());
        if (!settings.fleet().enabled()) {
            err.println("topgif: " + NO_BROKER);
            return TopgifMain.EXIT_CONFIG;
        }
        ProcessSampler sampler = ProcessSampler.forThisHost(settings.redactor(), settings.host().passwdFile());
        FleetAgent agent;
        try {
            agent = FleetAgent.start(settings.fleet(), settings.host().name(), settings.recording().interval(),
                    new FleetAgent.SampleSource() {
                        @Override
                        public SystemSample sample() {
                            return sampler.sample();
                        }

                        @Override
                        public void close() {
                            sampler.close();
                        }
                    }, version(), Clock.systemUTC());
        } catch (java.io.IOException unreadable) {
            sampler.close();
            err.println("topgif: " + unreadable.getMessage());
            return TopgifMain.EXIT_CONFIG;
        }
        StopSignals.install(() -> {
            try {
                agent.close();
                LOG.info("stopped");
            } catch (Exception failed) {
                LOG.warn("could not stop cleanly: {}", failed.getClass().getSimpleName());
            }
        });
        new CountDownLatch(1).await();
        return 0;
    }

    /** The version in the jar's manifest; "dev" when run from classes. */
    static String version() {
        String version = AgentCommand.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
