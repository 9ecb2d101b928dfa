package org.topgif.fleet.wire;

import java.time.Instant;

import org.topgif.config.HostName;

/**
 * One host in the fleet's directory, as its agent last announced it. Immutable.
 *
 * @param cores        the host's logical CPUs
 * @param memoryKiB    its memory
 * @param processes    how many processes it ran
 * @param load         its one-minute load average
 * @param agentVersion the topgif version of its agent, as printable text
 * @param lastSeen     when the agent announced this, by its own clock
 */
public record HostEntry(HostName host, int cores, long memoryKiB, int processes, double load, String agentVersion,
                        Instant lastSeen) {
}
