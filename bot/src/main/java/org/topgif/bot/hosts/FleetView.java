package org.topgif.bot.hosts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.topgif.bot.post.ChatText;
import org.topgif.bot.post.Shown;
import org.topgif.config.HostName;
import org.topgif.fleet.directory.HostDirectory;
import org.topgif.renderer.FleetGif;
import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.screen.FleetHost;

/**
 * Which host a request means and whether it can be shown now, decided from what the bot holds in memory (the
 * directory's copy and the connection's state), so that JDA's thread never waits for the broker. Without a
 * fleet only the bot's own host exists. Thread-safe: its collaborators are.
 */
public final class FleetView {

    /** Discord shows at most this many autocomplete choices. */
    public static final int MAX_CHOICES = 25;

    private final HostName own;
    private final Optional<HostName> defaultHost;
    private final Optional<HostDirectory> directory;
    private final java.util.function.BooleanSupplier reachable;
    private final Duration staleAfter;
    private final Clock clock;
    private final Optional<BrokerSamples> broker;

    /**
     * @param directory  the fleet's hosts; empty for a bot without a fleet
     * @param reachable  whether the broker can be reached now
     * @param staleAfter how long a host may stay silent before it counts as not reporting
     */
    public FleetView(HostName own, Optional<HostName> defaultHost, Optional<HostDirectory> directory,
                     java.util.function.BooleanSupplier reachable, Duration staleAfter, Clock clock,
                     Optional<BrokerSamples> broker) {
        this.broker = broker;
        this.own = own;
        this.defaultHost = defaultHost;
        this.directory = directory;
        this.reachable = reachable;
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    /** A bot that watches only its own host. */
    public static FleetView alone(HostName own) {
        return new FleetView(own, Optional.empty(), Optional.empty(), () -> false, Duration.ZERO, Clock.systemUTC(),
                Optional.empty());
    }

    public boolean hasFleet() {
        return directory.isPresent();
    }

    public HostName own() {
        return own;
    }

    /** Whether a request without a host means a fleet host rather than this one. */
    public boolean defaultIsRemote() {
        return defaultHost.isPresent() && !defaultHost.get().equals(own);
    }

    /**
     * Waits until the directory holds what the broker holds, up to {@code patience}; at once without a fleet.
     * For callers off JDA's threads only, such as a schedule just after start-up.
     */
    public void awaitDirectory(Duration patience) throws InterruptedException {
        if (directory.isPresent()) {
            directory.get().awaitListed(patience);
        }
    }

    /** The host {@code asked} names (null: the default host), or why it cannot be shown now. */
    public HostResolution resolve(String asked) {
        String name = asked == null ? defaultHost.orElse(own).value() : asked.trim();
        if (name.equals(own.value())) {
            return new HostResolution.Own(own);
        }
        if (directory.isEmpty()) {
            return new HostResolution.Refused("This bot shows only " + ChatText.escape(own.value()) + ".");
        }
        if (name.equals(HostName.FLEET)) {
            return resolveFleet();
        }
        if (HostName.problem(name).isPresent()) {
            return new HostResolution.Refused("A host name is " + HostName.RULE + ".");
        }
        if (!reachable.getAsBoolean()) {
            return new HostResolution.Refused("The fleet's broker is unreachable right now, so "
                    + ChatText.escape(name) + " cannot be shown; /top without host shows "
                    + ChatText.escape(own.value()) + ".");
        }
        HostName host = new HostName(name);
        Optional<HostDirectory.Seen> seen = directory.get().find(host);
        if (seen.isEmpty()) {
            Optional<HostName> nearest = directory.get().nearest(name);
            return new HostResolution.Refused("There is no host " + ChatText.escape(name) + " in the fleet"
                    + nearest.map(near -> "; did you mean " + ChatText.escape(near.value()) + "?").orElse(".")
                    + " /top-hosts lists them.");
        }
        Instant renewed = seen.get().renewedAt();
        if (renewed.isBefore(clock.instant().minus(staleAfter))) {
            return new HostResolution.Refused(ChatText.escape(name) + " has not reported since <t:"
                    + renewed.getEpochSecond() + ":R>.");
        }
        return new HostResolution.Remote(host);
    }

    private HostResolution resolveFleet() {
        if (!reachable.getAsBoolean()) {
            return new HostResolution.Refused("The fleet's broker is unreachable right now, so the fleet cannot be "
                    + "shown; /top without host shows " + ChatText.escape(own.value()) + ".");
        }
        if (hosts().isEmpty()) {
            return new HostResolution.Refused("No host has reported to the fleet yet; /top without host shows "
                    + ChatText.escape(own.value()) + ".");
        }
        return new HostResolution.Fleet();
    }

    /**
     * Up to {@link #MAX_CHOICES} host names for what the user typed so far: the bot's own first if it fits,
     * then the whole fleet's "*".
     */
    public List<String> choices(String typed) {
        String lower = typed == null ? "" : typed.toLowerCase(Locale.ROOT);
        List<String> choices = new ArrayList<>();
        if (own.value().toLowerCase(Locale.ROOT).contains(lower)) {
            choices.add(own.value());
        }
        if (directory.isPresent() && (lower.isEmpty() || lower.equals(HostName.FLEET))) {
            choices.add(HostName.FLEET);
        }
        directory.ifPresent(hosts -> hosts.matching(lower, MAX_CHOICES).stream().map(HostName::value)
                .filter(name -> !name.equals(own.value())).forEach(choices::add));
        return choices.size() > MAX_CHOICES ? choices.subList(0, MAX_CHOICES) : choices;
    }

    /** The last seconds of a host {@link #resolve} found {@link HostResolution.Remote}, read from the broker. */
    public CompletableFuture<Shown> recent(HostName host, RecordingPlan plan) {
        return broker().recent(host, plan).thenApply(samples -> new Shown.OneHost(host.value(), samples));
    }

    /**
     * The fleet at a glance as {@code plan} draws it, as many hosts as a frame shows: the busiest reporting
     * hosts (load per core) first, then those that stopped reporting, most recently heard first. Silent hosts
     * may take up to half the blocks however busy the others are, so that a host in trouble is never left
     * out for busy ones. Each reporting host's last seconds are read from the broker.
     */
    public CompletableFuture<Shown> overview(RecordingPlan plan) {
        Instant now = clock.instant();
        List<HostDirectory.Seen> busy = new ArrayList<>();
        List<HostDirectory.Seen> silent = new ArrayList<>();
        for (HostDirectory.Seen seen : hosts()) {
            (reporting(seen) ? busy : silent).add(seen);
        }
        busy.sort(Comparator.comparingDouble((HostDirectory.Seen seen) -> -loadPerCore(seen))
                .thenComparing(seen -> seen.host().value()));
        silent.sort(Comparator.comparing(HostDirectory.Seen::renewedAt, Comparator.reverseOrder())
                .thenComparing(seen -> seen.host().value()));
        int capacity = FleetGif.capacity(plan);
        int silentShown = Math.min(silent.size(), Math.max(capacity / 2, capacity - busy.size()));
        List<HostDirectory.Seen> shown = new ArrayList<>(busy.subList(0, Math.min(busy.size(),
                capacity - silentShown)));
        shown.addAll(silent.subList(0, silentShown));
        int notShown = busy.size() + silent.size() - shown.size();
        List<CompletableFuture<FleetHost>> reads = new ArrayList<>();
        for (HostDirectory.Seen seen : shown) {
            Duration silentFor = Duration.between(seen.renewedAt(), now);
            reads.add(reporting(seen) ? broker().recentOrNone(seen.host(), plan)
                    .thenApply(samples -> new FleetHost(seen.host().value(), samples, silentFor))
                    : CompletableFuture.completedFuture(new FleetHost(seen.host().value(), List.of(), silentFor)));
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                .thenApply(done -> new Shown.Fleet(reads.stream().map(CompletableFuture::join).toList(), notShown));
    }

    private static double loadPerCore(HostDirectory.Seen seen) {
        return seen.entry().load() / Math.max(1, seen.entry().cores());
    }

    private BrokerSamples broker() {
        return broker.orElseThrow(() -> new IllegalStateException("no fleet"));
    }

    /** The hosts the menu under a message offers: as autocomplete offers them, and none without a fleet. */
    public List<String> menu() {
        return directory.isPresent() ? choices("") : List.of();
    }

    /** A fleet host's logical CPUs as its agent last announced them; 1 while the directory does not know it. */
    public int cores(HostName host) {
        return directory.flatMap(hosts -> hosts.find(host)).map(seen -> Math.max(1, seen.entry().cores())).orElse(1);
    }

    /** The fleet's hosts as the directory has them now; empty without a fleet. */
    public List<HostDirectory.Seen> hosts() {
        return directory.map(HostDirectory::hosts).orElse(List.of());
    }

    /** Whether {@code seen} reported recently enough to be shown. */
    public boolean reporting(HostDirectory.Seen seen) {
        return !seen.renewedAt().isBefore(clock.instant().minus(staleAfter));
    }
}
