package org.topgif.renderer.screen;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.topgif.renderer.sample.SystemSample;

/**
 * One host of a fleet overview. Immutable.
 *
 * @param name      the host's name, already printable
 * @param samples   its last samples, oldest first; empty for a host that stopped reporting, which is greyed
 * @param silentFor how long ago it last reported
 */
public record FleetHost(String name, List<SystemSample> samples, Duration silentFor) {

    public FleetHost {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(silentFor, "silentFor");
        samples = List.copyOf(samples);
    }

    /** A host that reports: its samples are shown. */
    public boolean reporting() {
        return !samples.isEmpty();
    }
}
