package org.topgif.bot.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.nats.client.api.KeyValueOperation;
import org.junit.jupiter.api.Test;
import org.topgif.bot.post.Shown;
import org.topgif.config.FleetServers;
import org.topgif.config.FleetSettings;
import org.topgif.config.HostName;
import org.topgif.fleet.HostToken;
import org.topgif.fleet.directory.HostDirectory;
import org.topgif.fleet.nats.FleetConnection;
import org.topgif.fleet.nats.SampleStream;
import org.topgif.fleet.wire.HostEntry;
import org.topgif.fleet.wire.HostEntryCodec;
import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.raster.Theme;
import org.topgif.renderer.screen.FleetHost;
import org.topgif.renderer.screen.ScreenOptions;

class FleetViewTest {

    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
    private static final HostName OWN = new HostName("bot-host");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final HostDirectory directory = new HostDirectory(Duration.ofMinutes(10), clock);
    private final AtomicBoolean reachable = new AtomicBoolean(true);

    private FleetView view(Optional<HostName> defaultHost) {
        return new FleetView(OWN, defaultHost, Optional.of(directory), reachable::get, Duration.ofSeconds(10), clock,
                Optional.empty());
    }

    private void put(String host, Instant at, int processes) {
        HostName name = new HostName(host);
        directory.take(HostToken.of(name).value(), KeyValueOperation.PUT, new HostEntryCodec().encode(
                new HostEntry(name, 8, 16_000_000, processes, 1.25, "1", at)), at);
    }

    @Test
    void noHostIsTheDefaultHostAndTheBotsOwnNeedsNoBroker() {
        put("db-1", NOW, 10);
        assertEquals(new HostResolution.Own(OWN), view(Optional.empty()).resolve(null));
        assertEquals(new HostResolution.Remote(new HostName("db-1")), view(Optional.of(new HostName("db-1")))
                .resolve(null));
        reachable.set(false);
        assertEquals(new HostResolution.Own(OWN), view(Optional.empty()).resolve("bot-host"));
    }

    @Test
    void aHostThatIsUnknownStaleOrBehindAnUnreachableBrokerIsRefusedInOneLine() {
        put("db-1.eu", NOW, 10);
        put("web-2", NOW.minusSeconds(11), 10);
        FleetView fleet = view(Optional.empty());
        assertEquals(new HostResolution.Refused("There is no host db\\-2\\.eu in the fleet; did you mean db\\-1\\.eu? "
                + "/top-hosts lists them."), fleet.resolve("db-2.eu"));
        assertEquals(new HostResolution.Refused("web\\-2 has not reported since <t:" + NOW.minusSeconds(11)
                .getEpochSecond() + ":R>."), fleet.resolve("web-2"));
        assertEquals(new HostResolution.Refused("A host name is 1 to 100 printable characters, not \"*\" alone, which means the "
                + "whole fleet."),
                fleet.resolve("x\u0000y"));
        reachable.set(false);
        assertEquals(new HostResolution.Refused("The fleet's broker is unreachable right now, so db\\-1\\.eu cannot be "
                + "shown; /top without host shows bot\\-host."), fleet.resolve("db-1.eu"));
        assertEquals(new HostResolution.Refused("This bot shows only bot\\-host."),
                FleetView.alone(OWN).resolve("db-1.eu"));
    }

    @Test
    void aStarMeansTheWholeFleetOnceAHostReportedAndIsOfferedAfterTheBotsOwn() {
        FleetView fleet = view(Optional.empty());
        assertEquals(new HostResolution.Refused("No host has reported to the fleet yet; /top without host shows "
                + "bot\\-host."), fleet.resolve("*"));
        put("db-1", NOW.minusSeconds(60), 10);
        assertEquals(new HostResolution.Fleet(), fleet.resolve(" * "), "a silent host is shown greyed, not refused");
        assertEquals(List.of("bot-host", "*", "db-1"), fleet.choices(""));
        assertEquals(List.of("*"), fleet.choices("*"));
        assertEquals(List.of("db-1"), fleet.choices("db"));
        reachable.set(false);
        assertEquals(new HostResolution.Refused("The fleet's broker is unreachable right now, so the fleet cannot be "
                + "shown; /top without host shows bot\\-host."), fleet.resolve("*"));
        assertEquals(new HostResolution.Refused("This bot shows only bot\\-host."), FleetView.alone(OWN).resolve("*"));
        assertEquals(List.of("bot-host"), FleetView.alone(OWN).choices(""), "no fleet, no star");
    }

    private void put(String host, Instant at, double load) {
        HostName name = new HostName(host);
        directory.take(HostToken.of(name).value(), KeyValueOperation.PUT, new HostEntryCodec().encode(
                new HostEntry(name, 8, 16_000_000, 10, load, "1", at)), at);
    }

    /** The overview's hosts in drawn order, and how many were left out. */
    private String overviewOf(int busy, int silent) throws Exception {
        for (int i = 1; i <= busy; i++) {
            put("busy-" + i, NOW, (double) i);
        }
        for (int i = 1; i <= silent; i++) {
            put("silent-" + i, NOW.minusSeconds(60L * i), 9.0);
        }
        // A broker that is never there: every read fails, and the overview greys the host instead of failing.
        FleetSettings nowhere = new FleetSettings(FleetServers.parse("nats://127.0.0.1:1"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(1), Duration.ofMinutes(1), Optional.empty());
        try (FleetConnection connection = FleetConnection.open(nowhere, "test")) {
            FleetView fleet = new FleetView(OWN, Optional.empty(), Optional.of(directory), reachable::get,
                    Duration.ofSeconds(10), clock, Optional.of(new BrokerSamples(new SampleStream(connection),
                    Runnable::run)));
            Shown.Fleet shown = (Shown.Fleet) fleet.overview(new RecordingPlan(Duration.ofSeconds(2),
                    Duration.ofSeconds(1), 550, 350, Theme.DARK, 0, ScreenOptions.defaults())).get();
            return shown.hosts().stream().map(FleetHost::name).collect(Collectors.joining(" ")) + " +"
                    + shown.notShown();
        }
    }

    @Test
    void theOverviewShowsTheBusiestHostsAndKeepsUpToHalfItsBlocksForSilentOnes() throws Exception {
        assertEquals("busy-6 busy-5 busy-4 silent-1 silent-2 silent-3 +3", overviewOf(6, 3),
                "six blocks at 550x350: the three busiest, and the three silent, most recently heard first");
    }

    @Test
    void aSilentHostIsShownHoweverBusyTheOthersAre() throws Exception {
        assertEquals("busy-8 busy-7 busy-6 busy-5 busy-4 silent-1 +3", overviewOf(8, 1));
    }

    @Test
    void silentHostsTakeTheBlocksBusyOnesLeave() throws Exception {
        assertEquals("busy-2 busy-1 silent-1 silent-2 silent-3 silent-4 +1", overviewOf(2, 5));
    }

    @Test
    void choicesPutTheBotsOwnFirstAndStopAtDiscordsTwentyFive() {
        for (int i = 0; i < 40; i++) {
            put(String.format("bot-%02d", i), NOW, i);
        }
        List<String> choices = view(Optional.empty()).choices("BOT");
        assertEquals(25, choices.size());
        assertEquals("bot-host", choices.get(0));
        assertEquals("bot-00", choices.get(1));
    }

    @Test
    void theListingFitsOneMessageAndCountsWhatItLeftOut() {
        for (int i = 0; i < 60; i++) {
            put(String.format("host-with-a-rather-long-name-%02d", i), i == 0 ? NOW.minusSeconds(60) : NOW, i);
        }
        String listing = FleetListing.of(view(Optional.empty()));
        assertTrue(listing.length() <= 2000, listing.length() + " characters");
        assertTrue(listing.startsWith("60 hosts in the fleet:\n◦ not reporting: **host\\-with\\-a\\-rather\\-long\\-"
                + "name\\-00** · seen <t:" + NOW.minusSeconds(60).getEpochSecond() + ":R> · load 1.25 on 8 cores · 0 "
                + "processes\n"), listing);
        int shown = (int) listing.lines().filter(line -> line.contains("**")).count();
        assertTrue(listing.endsWith("… and " + (60 - shown) + " more"), listing);
    }
}
