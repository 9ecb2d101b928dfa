package org.topgif.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.topgif.config.HostName;

class HostTokenTest {

    /** NATS's rule for a KV key; a subject token must also have no '.', '*', '>' or blank. */
    private static final Pattern KEY = Pattern.compile("[-/_=.a-zA-Z0-9]+");

    @Test
    void aDottedNameBecomesOneTokenAndComesBack() {
        HostToken token = HostToken.of(new HostName("db-1.eu.example.com"));
        assertEquals("db-1_2Eeu_2Eexample_2Ecom", token.value());
        assertEquals("db-1.eu.example.com", token.host().value());
    }

    @Test
    void everyNameMeetsTheTokenAndKeyRulesAndComesBack() {
        for (String name : List.of("web", "Küche NAS", "a*b>c d", "x_y", "_2E", "日本-1", "😀", "a/b=c",
                "n".repeat(HostName.MAX_LENGTH), "😀".repeat(HostName.MAX_LENGTH / 2))) {
            HostToken token = HostToken.of(new HostName(name));
            assertTrue(KEY.matcher(token.value()).matches() && !token.value().contains("."), token.value());
            assertEquals(name, token.host().value());
        }
    }

    @Test
    void aTokenSpeltAnotherWayNamesNoHost() {
        assertEquals(Optional.empty(), HostToken.name("_61"), "the same as 'a'");
        assertEquals(Optional.empty(), HostToken.name("db_2e1"), "small hex is not ours");
        assertEquals(Optional.empty(), HostToken.name("db_2"), "cut escape");
        assertEquals(Optional.empty(), HostToken.name("db.1"));
        assertEquals(Optional.empty(), HostToken.name("_FF"), "not UTF-8");
        assertEquals(Optional.empty(), HostToken.name("_0A"), "a newline is no host name");
        assertEquals(Optional.empty(), HostToken.name(""));
        assertEquals(Optional.empty(), HostToken.name("n".repeat(HostName.MAX_LENGTH + 1)));
        assertThrows(IllegalArgumentException.class, () -> new HostToken("*"));
    }
}
