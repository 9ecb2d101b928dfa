package org.topgif.fleet.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.nats.client.api.KeyValueOperation;
import org.junit.jupiter.api.Test;
import org.topgif.config.HostName;
import org.topgif.fleet.HostToken;
import org.topgif.fleet.wire.HostEntry;
import org.topgif.fleet.wire.HostEntryCodec;

class HostDirectoryTest {

    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
    private final HostDirectory directory = new HostDirectory(Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC));
    private final HostEntryCodec codec = new HostEntryCodec();

    private void put(String host, Instant at) {
        HostName name = new HostName(host);
        directory.take(HostToken.of(name).value(), KeyValueOperation.PUT,
                codec.encode(new HostEntry(name, 4, 8_000_000, 100, 0.5, "1", at)), at);
    }

    private static List<String> names(List<HostName> hosts) {
        return hosts.stream().map(HostName::value).toList();
    }

    @Test
    void hostsAreListedByNameAndOfferedByPrefixThenByWhatTheyContain() {
        put("web-2", NOW);
        put("db-1.eu.example.com", NOW);
        put("Web-10", NOW);
        put("cache-web", NOW);
        assertEquals(List.of("cache-web", "db-1.eu.example.com", "Web-10", "web-2"),
                directory.hosts().stream().map(seen -> seen.host().value()).toList());
        assertEquals(List.of("Web-10", "web-2", "cache-web"), names(directory.matching("WEB", 25)));
        assertEquals(List.of("Web-10"), names(directory.matching("web", 1)));
        assertEquals(Optional.of(new HostName("db-1.eu.example.com")), directory.nearest("db1.eu.example.com"));
    }

    @Test
    void anEntryOlderThanTheBucketKeepsIsLeftOutAndADeleteRemovesIt() {
        put("old", NOW.minus(Duration.ofMinutes(11)));
        put("db-1", NOW);
        assertEquals(List.of("db-1"), directory.hosts().stream().map(seen -> seen.host().value()).toList());
        directory.take("db-1", KeyValueOperation.DELETE, new byte[0], NOW);
        assertEquals(List.of(), directory.hosts());
    }

    @Test
    void anEntryUnderAnotherHostsKeyOrMalformedOrUnderNoHostIsIgnored() {
        HostName web = new HostName("web-2");
        directory.take("db-1", KeyValueOperation.PUT, codec.encode(new HostEntry(web, 1, 1, 1, 0, "1", NOW)), NOW);
        directory.take("web-2", KeyValueOperation.PUT, new byte[] {(byte) 0x9f, 0x01}, NOW);
        directory.take("_61", KeyValueOperation.PUT, codec.encode(new HostEntry(new HostName("a"), 1, 1, 1, 0, "1",
                NOW)), NOW);
        assertEquals(List.of(), directory.hosts());
    }
}
