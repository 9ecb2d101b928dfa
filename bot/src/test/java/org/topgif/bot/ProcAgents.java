package org.topgif.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.topgif.config.FleetServers;
import org.topgif.config.FleetSettings;
import org.topgif.config.HostName;
import org.topgif.fleet.ProcFixture;
import org.topgif.fleet.agent.FleetAgent;
import org.topgif.renderer.sample.CommandLineRedactor;
import org.topgif.renderer.sample.ProcessSampler;
import org.topgif.renderer.sample.SystemSample;

/** Fleet agents that sample made-up /proc folders whose processes run the programs given. Test code. */
final class ProcAgents {

    private ProcAgents() {
    }

    /** An agent of {@code host} sampling a made-up /proc under {@code folder} every {@code interval}. */
    static FleetAgent start(Path folder, String url, HostName host, Duration interval, String... programs)
            throws Exception {
        FleetSettings settings = new FleetSettings(FleetServers.parse(url), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(1),
                Duration.ofSeconds(3), Optional.empty());
        ProcFixture proc = new ProcFixture(folder.resolve("proc-" + host.value()), List.of(programs));
        ProcessSampler sampler = ProcessSampler.ofProcfs(proc.root(), CommandLineRedactor.ENABLED, Optional.empty());
        return FleetAgent.start(settings, host, interval, new FleetAgent.SampleSource() {
            @Override
            public SystemSample sample() {
                try {
                    proc.tick();
                } catch (IOException unwritable) {
                    throw new UncheckedIOException(unwritable);
                }
                return sampler.sample();
            }

            @Override
            public void close() {
                sampler.close();
            }
        }, "test", Clock.systemUTC());
    }
}
