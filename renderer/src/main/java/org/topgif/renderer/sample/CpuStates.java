package org.topgif.renderer.sample;

/** The share of all CPUs' time spent in each state between two samples, in percent, as top's %Cpu(s) line. */
public record CpuStates(double user, double system, double nice, double idle, double iowait, double hardIrq,
                        double softIrq, double steal) {

    /** What a machine looks like before two samples exist to compare. */
    public static final CpuStates IDLE = new CpuStates(0, 0, 0, 100, 0, 0, 0, 0);
}
