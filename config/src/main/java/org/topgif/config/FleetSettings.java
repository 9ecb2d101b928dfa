package org.topgif.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the fleet's broker is and how topgif signs in to it; absent servers mean one host, no broker. At most
 * one way to sign in is set. Immutable.
 *
 * @param servers         the NATS servers; empty runs topgif on this host alone
 * @param user            a user name, with {@code password}
 * @param password        the user's password
 * @param token           a token, instead of a user
 * @param credentialsFile a .creds file (a user JWT and its NKey seed), instead of a user
 * @param nkeyFile        a file holding an NKey seed, instead of a user
 * @param caFile          a PEM file of the CA that signed the servers' certificates, for tls:// or wss://
 * @param heartbeat       how often an agent renews its entry in the host directory
 * @param forgetAfter     how long the directory keeps a host that stopped renewing its entry
 * @param defaultHost     the host /top shows without a host option; empty: the bot's own
 */
public record FleetSettings(Optional<FleetServers> servers, Optional<String> user, Optional<SecretText> password,
                            Optional<SecretText> token, Optional<Path> credentialsFile, Optional<Path> nkeyFile,
                            Optional<Path> caFile, Duration heartbeat, Duration forgetAfter,
                            Optional<HostName> defaultHost) {

    /** Whether a broker is configured. */
    public boolean enabled() {
        return servers.isPresent();
    }

    /**
     * How long a host may stay silent before it counts as not reporting: two heartbeats, and never less than
     * two samples' worth at {@code interval}.
     */
    public Duration staleAfter(Duration interval) {
        Duration twoBeats = heartbeat.multipliedBy(2);
        Duration twoSamples = interval.multipliedBy(2);
        return twoBeats.compareTo(twoSamples) >= 0 ? twoBeats : twoSamples;
    }
}
