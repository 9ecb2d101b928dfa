package org.topgif.bot.post;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.screen.FleetHost;
import org.topgif.renderer.screen.TopFormats;

/**
 * The one line that goes with a GIF: host, load, and the three busiest processes; command lines are never in
 * it, only process names. As the message, names (like the host's) are escaped so that they show as text,
 * never as markdown or mentions; as the attachment's alt text, which Discord shows as it is and renders no
 * markdown in, they stand plain (a process_api is not shown as process\_api to a screen reader).
 *
 * @param message the message's content
 * @param altText the attachment's description
 */
public record TopSummary(String message, String altText) {

    /** Discord's limit for an attachment's description. */
    static final int MAX_LENGTH = 1024;

    public static TopSummary of(String host, SystemSample last) {
        return new TopSummary(line(ChatText.escape(host), last, ChatText::escape), line(host, last, name -> name));
    }

    /** The line for a scheduled post: "db-1 · 14:00 UTC · load …", naming the slot it shows (our own text). */
    public static TopSummary at(String host, String slot, SystemSample last) {
        return new TopSummary(line(ChatText.escape(host) + " · " + slot, last, ChatText::escape),
                line(host + " · " + slot, last, name -> name));
    }

    /**
     * The line for a fleet overview: "fleet · 3 hosts, 1 not reporting: cache-3 · busiest: db-1 load 1.50, …",
     * the hosts in the order they are drawn.
     */
    public static TopSummary ofFleet(List<FleetHost> hosts, int notShown, Optional<String> slot) {
        String head = "fleet" + slot.map(label -> " · " + label).orElse("");
        return new TopSummary(fleetLine(head, hosts, notShown, ChatText::escape),
                fleetLine(head, hosts, notShown, name -> name));
    }

    private static String fleetLine(String head, List<FleetHost> hosts, int notShown, UnaryOperator<String> name) {
        int total = hosts.size() + notShown;
        StringBuilder line = new StringBuilder(head).append(" · ").append(total)
                .append(total == 1 ? " host" : " hosts");
        List<String> silent = hosts.stream().filter(host -> !host.reporting()).map(host -> name.apply(host.name()))
                .toList();
        if (!silent.isEmpty()) {
            line.append(", ").append(silent.size()).append(" not reporting: ").append(String.join(", ", silent));
        }
        String busiest = hosts.stream().filter(FleetHost::reporting).limit(3)
                .map(host -> String.format(Locale.ROOT, "%s load %.2f", name.apply(host.name()),
                        host.samples().get(host.samples().size() - 1).load().oneMinute()))
                .collect(Collectors.joining(", "));
        if (!busiest.isEmpty()) {
            line.append(" · busiest: ").append(busiest);
        }
        return TopFormats.ellipsize(line.toString(), MAX_LENGTH);
    }

    private static String line(String head, SystemSample last, UnaryOperator<String> name) {
        String busiest = last.processes().stream()
                .sorted(Comparator.comparingDouble(ProcessRow::cpuPercent).reversed()
                        .thenComparingInt(ProcessRow::pid))
                .limit(3)
                .map(row -> String.format(Locale.ROOT, "%s %.1f%%", name.apply(row.name()), row.cpuPercent()))
                .collect(Collectors.joining(", "));
        String line = String.format(Locale.ROOT, "%s · load %.2f %.2f %.2f · top: %s", head,
                last.load().oneMinute(), last.load().fiveMinutes(), last.load().fifteenMinutes(), busiest);
        return TopFormats.ellipsize(line, MAX_LENGTH);
    }
}
