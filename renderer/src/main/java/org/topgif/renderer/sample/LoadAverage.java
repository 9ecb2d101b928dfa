package org.topgif.renderer.sample;

/** The 1, 5 and 15 minute load averages, as the kernel reports them. Immutable. */
public record LoadAverage(double oneMinute, double fiveMinutes, double fifteenMinutes) {
}
