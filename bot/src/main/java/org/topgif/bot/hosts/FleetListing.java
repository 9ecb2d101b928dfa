package org.topgif.bot.hosts;

import java.util.List;
import java.util.Locale;

import org.topgif.bot.post.ChatText;
import org.topgif.fleet.directory.HostDirectory;

/**
 * The fleet as /top-hosts lists it: a line a host, by name, with when it last reported (a Discord timestamp,
 * shown in each reader's own time zone), its load, cores and processes; hosts that stopped reporting are
 * marked. Fits one message: what does not fit is counted, not cut mid-line. Stateless.
 */
public final class FleetListing {

    private FleetListing() {
    }

    public static String of(FleetView fleet) {
        if (!fleet.hasFleet()) {
            return "This bot shows only " + ChatText.escape(fleet.own().value()) + ".";
        }
        List<HostDirectory.Seen> hosts = fleet.hosts();
        if (hosts.isEmpty()) {
            return "No host has reported to the fleet yet. Start `./topgif agent` on a host, with TOPGIF_FLEET_URL set.";
        }
        StringBuilder text = new StringBuilder(hosts.size() == 1 ? "1 host" : hosts.size() + " hosts")
                .append(" in the fleet:\n");
        for (int i = 0; i < hosts.size(); i++) {
            HostDirectory.Seen seen = hosts.get(i);
            String line = String.format(Locale.ROOT, "%s **%s** · seen <t:%d:R> · load %.2f on %d %s · %d processes%n",
                    fleet.reporting(seen) ? "•" : "◦ not reporting:", ChatText.escape(seen.host().value()),
                    seen.renewedAt().getEpochSecond(), seen.entry().load(), seen.entry().cores(),
                    seen.entry().cores() == 1 ? "core" : "cores", seen.entry().processes());
            String more = "… and " + (hosts.size() - i) + " more";
            if (text.length() + line.length() + more.length() > ChatText.MESSAGE_MAX_LENGTH) {
                return text.append(more).toString();
            }
            text.append(line);
        }
        return text.toString().stripTrailing();
    }
}
