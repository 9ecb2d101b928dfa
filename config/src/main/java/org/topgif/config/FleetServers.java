package org.topgif.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The NATS servers of a fleet: one or more {@code nats://}, {@code tls://}, {@code ws://} or {@code wss://}
 * URLs, comma-separated. A URL may carry a user and password; {@link #shown} leaves them out, for log lines.
 * Immutable.
 */
public record FleetServers(List<URI> urls) {

    /** What {@link #parse} accepts, for a setting's or a flag's message. */
    public static final String RULE = "nats://HOST:PORT (or tls://, ws://, wss://), several separated by commas";

    private static final Set<String> SCHEMES = Set.of("nats", "tls", "ws", "wss");
    private static final int MAX_URLS = 32;

    public FleetServers {
        urls = List.copyOf(urls);
    }

    /** The servers in {@code text}, or empty when it is not a list of NATS URLs. */
    public static Optional<FleetServers> parse(String text) {
        String[] parts = text.split(",", MAX_URLS + 1);
        if (parts.length > MAX_URLS) {
            return Optional.empty();
        }
        List<URI> urls = new ArrayList<>();
        for (String part : parts) {
            try {
                URI url = new URI(part.trim());
                if (url.getScheme() == null || !SCHEMES.contains(url.getScheme()) || url.getHost() == null
                        || (url.getPath() != null && !url.getPath().isEmpty()) || url.getQuery() != null
                        || url.getFragment() != null) {
                    return Optional.empty();
                }
                urls.add(url);
            } catch (URISyntaxException notUrl) {
                return Optional.empty();
            }
        }
        return Optional.of(new FleetServers(urls));
    }

    /** The servers as a log line may show them: scheme, host and port, never a user or password. */
    public String shown() {
        List<String> shown = new ArrayList<>();
        for (URI url : urls) {
            shown.add(url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()));
        }
        return String.join(",", shown);
    }

    @Override
    public String toString() {
        return shown();
    }
}
