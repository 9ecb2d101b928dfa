package org.topgif.config;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.SystemSample;

/**
 * What an alert watches: one figure of a sample against a threshold, such as {@code host-cpu > 90%}. Parsed from
 * the settings' short text, checked against each sample. Immutable.
 *
 * @param threshold in the metric's unit: percent, a ratio, or KiB for process memory
 */
public record AlertRule(Metric metric, double threshold) {

    /** The figures a rule may watch, by the name the settings give them. */
    public enum Metric {
        /** The host's CPU in use, % of all cores. */
        HOST_CPU("host-cpu"),
        /** The host's memory in use, % of total. */
        MEMORY("memory"),
        /** The one-minute load over the host's cores. */
        LOAD_PER_CORE("load-per-core"),
        /** The busiest process's CPU, % of one core (top's %CPU). */
        PROCESS_CPU("process-cpu"),
        /** The largest process's resident memory. */
        PROCESS_MEMORY("process-memory");

        private final String text;

        Metric(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** What a rule may be, for a setting's message. */
    public static final String RULES = "one of host-cpu > 90%, memory > 90%, load-per-core > 2, process-cpu > 80% "
            + "(any one process, % of one core), process-memory > 2GiB";

    private static final long KIB_PER_MIB = 1024;

    public AlertRule {
        Objects.requireNonNull(metric, "metric");
        if (!Double.isFinite(threshold) || threshold < 0) {
            throw new IllegalArgumentException("a threshold is a number of 0 or more: " + threshold);
        }
    }

    /** The rule {@code text} writes, or empty when it is none of {@link #RULES}' forms. Linear in its length. */
    public static Optional<AlertRule> parse(String text) {
        int greater = text.indexOf('>');
        if (greater < 0 || text.indexOf('>', greater + 1) >= 0) {
            return Optional.empty();
        }
        String name = text.substring(0, greater).trim().toLowerCase(Locale.ROOT);
        String value = text.substring(greater + 1).trim();
        for (Metric metric : Metric.values()) {
            if (metric.text.equals(name)) {
                return threshold(metric, value).map(threshold -> new AlertRule(metric, threshold));
            }
        }
        return Optional.empty();
    }

    private static Optional<Double> threshold(Metric metric, String value) {
        String unit = switch (metric) {
            case HOST_CPU, MEMORY, PROCESS_CPU -> "%";
            case LOAD_PER_CORE -> "";
            case PROCESS_MEMORY -> value.substring(numberLength(value));
        };
        if (!value.endsWith(unit)) {
            return Optional.empty();
        }
        double number;
        try {
            number = Double.parseDouble(value.substring(0, value.length() - unit.length()).trim());
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
        if (!Double.isFinite(number) || number < 0) {
            return Optional.empty();
        }
        if (metric == Metric.PROCESS_MEMORY) {
            long kib = switch (unit.trim()) {
                case "KiB" -> 1;
                case "MiB" -> KIB_PER_MIB;
                case "GiB" -> KIB_PER_MIB * 1024;
                case "TiB" -> KIB_PER_MIB * 1024 * 1024;
                default -> -1;
            };
            return kib < 0 ? Optional.empty() : Optional.of(number * kib);
        }
        return Optional.of(number);
    }

    /** How many leading characters of {@code value} are digits or '.'. */
    private static int numberLength(String value) {
        int end = 0;
        while (end < value.length() && (Character.isDigit(value.charAt(end)) || value.charAt(end) == '.')) {
            end++;
        }
        return end;
    }

    /**
     * How a sample breaks the rule, if it does.
     *
     * @param cores the host's logical CPUs, for {@link Metric#LOAD_PER_CORE}
     */
    public Optional<Breach> check(SystemSample sample, int cores) {
        double value;
        ProcessRow process = null;
        switch (metric) {
            case HOST_CPU -> value = 100.0 - sample.cpu().idle();
            case MEMORY -> value = sample.memory().totalKiB() <= 0 ? 0
                    : 100.0 * sample.memory().usedKiB() / sample.memory().totalKiB();
            case LOAD_PER_CORE -> value = sample.load().oneMinute() / Math.max(1, cores);
            case PROCESS_CPU -> {
                process = sample.processes().stream().max(Comparator.comparingDouble(ProcessRow::cpuPercent)
                        .thenComparing(Comparator.comparingInt(ProcessRow::pid).reversed())).orElse(null);
                value = process == null ? 0 : process.cpuPercent();
            }
            case PROCESS_MEMORY -> {
                process = sample.processes().stream().max(Comparator.comparingLong(ProcessRow::resKiB)
                        .thenComparing(Comparator.comparingInt(ProcessRow::pid).reversed())).orElse(null);
                value = process == null ? 0 : process.resKiB();
            }
            default -> throw new IllegalStateException("no such metric: " + metric);
        }
        return value > threshold ? Optional.of(new Breach(value, Optional.ofNullable(process))) : Optional.empty();
    }

    /** A figure in the rule's unit, as the message shows it: "95%", "2.31", "2.4 GiB". */
    public String format(double value) {
        return switch (metric) {
            case HOST_CPU, MEMORY, PROCESS_CPU -> String.format(Locale.ROOT, "%.0f%%", value);
            case LOAD_PER_CORE -> String.format(Locale.ROOT, "%.2f", value);
            case PROCESS_MEMORY -> value >= KIB_PER_MIB * 1024 ? String.format(Locale.ROOT, "%.1f GiB",
                    value / (KIB_PER_MIB * 1024)) : String.format(Locale.ROOT, "%.0f MiB", value / KIB_PER_MIB);
        };
    }

    /** "host-cpu > 90%": the rule as the settings write it. */
    public String describe() {
        return metric.text + " > " + format(threshold).replace(" ", "");
    }

    /**
     * A sample that breaks the rule.
     *
     * @param value   the figure, in the rule's unit
     * @param process the process it is about, for a per-process rule
     */
    public record Breach(double value, Optional<ProcessRow> process) {
    }
}
