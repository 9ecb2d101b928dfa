package org.topgif.bot.post;

import java.util.List;

import org.topgif.config.HostName;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.screen.FleetHost;

/** What a GIF shows: one host's samples, or the fleet's hosts side by side. Immutable. */
public sealed interface Shown {

    /** The name the summary gives what is shown. */
    String name();

    /** One host's samples, oldest first; at least one. */
    record OneHost(String name, List<SystemSample> samples) implements Shown {
        public OneHost {
            samples = List.copyOf(samples);
            if (samples.isEmpty()) {
                throw new IllegalArgumentException("no samples of " + name);
            }
        }
    }

    /**
     * The fleet overview: the hosts to draw in order, and how many more there are.
     *
     * @param notShown hosts of the fleet left out, for the "+N more"
     */
    record Fleet(List<FleetHost> hosts, int notShown) implements Shown {
        /** What the host option calls the whole fleet. */
        public static final String NAME = HostName.FLEET;

        public Fleet {
            hosts = List.copyOf(hosts);
        }

        @Override
        public String name() {
            return NAME;
        }
    }
}
