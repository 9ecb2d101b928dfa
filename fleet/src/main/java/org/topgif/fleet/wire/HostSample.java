package org.topgif.fleet.wire;

import java.time.Instant;
import java.util.Objects;

import org.topgif.config.HostName;
import org.topgif.renderer.sample.SystemSample;

/**
 * One sample of one host as it travels: whose it is, when it was taken (the agent's clock) and what it shows.
 * Immutable.
 */
public record HostSample(HostName host, Instant takenAt, SystemSample sample) {
    public HostSample {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(sample, "sample");
    }
}
