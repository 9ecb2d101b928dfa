package org.topgif.config;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The webhook receiver for Alertmanager and Grafana: off without an address. Immutable.
 *
 * @param listen    where it listens, such as 127.0.0.1:9095; empty runs no receiver
 * @param token     the bearer token every request must carry
 * @param channel   where each alert's message goes
 * @param hostLabel the label that names the host an alert is about; its port is left out
 * @param maxBody   the largest request body read, in bytes
 */
public record AlertmanagerSettings(Optional<InetSocketAddress> listen, Optional<SecretText> token, long channel,
                                   String hostLabel, int maxBody) {

    public AlertmanagerSettings {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(hostLabel, "hostLabel");
    }

    public boolean enabled() {
        return listen.isPresent();
    }
}
