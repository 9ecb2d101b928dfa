package org.topgif.renderer.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class CommandLineRedactorTest {

    private static String redact(String... argv) {
        return CommandLineRedactor.ENABLED.redact(List.of(argv));
    }

    @Test
    void hidesValuesOfSecretLookingOptions() {
        assertEquals("app --password=*** --port=80", redact("app", "--password=hunter2", "--port=80"));
        assertEquals("app --token *** run", redact("app", "--token", "abc123", "run"));
        assertEquals("app --api-key *** --db-password=***",
                redact("app", "--api-key", "k-1", "--db-password=p"));
        assertEquals("keytool -storepass *** -keypass ***",
                redact("keytool", "-storepass", "s1", "-keypass", "s2"));
        assertEquals("java -Djavax.net.ssl.trustStorePassword=*** -jar x.jar",
                redact("java", "-Djavax.net.ssl.trustStorePassword=changeit", "-jar", "x.jar"));
    }

    @Test
    void hidesEnvironmentStyleAssignmentsWhoseNameLooksSecret() {
        assertEquals("env DB_PASSWORD=*** GITHUB_TOKEN=*** AWS_SECRET_ACCESS_KEY=*** HOME=/root run",
                redact("env", "DB_PASSWORD=x", "GITHUB_TOKEN=ghp_y", "AWS_SECRET_ACCESS_KEY=z", "HOME=/root", "run"));
        assertEquals("sh -c PGPASSWORD=*** psql -h db", redact("sh", "-c", "PGPASSWORD=pw psql -h db"));
    }

    @Test
    void hidesGluedPasswordsOfKnownToolsOnly() {
        assertEquals("/usr/bin/mysql -u root -p*** db", redact("/usr/bin/mysql", "-u", "root", "-psecret", "db"));
        assertEquals("sshpass -p*** ssh host", redact("sshpass", "-psecret", "ssh", "host"));
        assertEquals("sshpass -p *** ssh host", redact("sshpass", "-p", "secret", "ssh", "host"));
        assertEquals("redis-cli -a *** ping", redact("redis-cli", "-a", "secret", "ping"));
        assertEquals("curl -u *** https://x", redact("curl", "-u", "me:secret", "https://x"));
        // psql's -p is a port, not a password.
        assertEquals("psql -p5432 db", redact("psql", "-p5432", "db"));
    }

    @Test
    void hidesPasswordsInUrls() {
        assertEquals("app postgres://admin:***@db:5432/x", redact("app", "postgres://admin:s3cret@db:5432/x"));
        assertEquals("app --url=https://u:***@h/p", redact("app", "--url=https://u:pw@h/p"));
        assertEquals("app https://example.org/a:b", redact("app", "https://example.org/a:b"));
    }

    @Test
    void hidesAuthorizationHeaders() {
        assertEquals("curl -H Authorization: Bearer *** https://api",
                redact("curl", "-H", "Authorization: Bearer eyJhbGciOi", "https://api"));
    }

    @Test
    void leavesOrdinaryCommandLinesAlone() {
        assertEquals("nginx: worker process", redact("nginx: worker process"));
        assertEquals("python3 -m http.server 8000", redact("python3", "-m", "http.server", "8000"));
    }

    @Test
    void disabledRedactorJoinsArgumentsUnchanged() {
        assertEquals("app --password=hunter2", CommandLineRedactor.DISABLED.redact(List.of("app", "--password=hunter2")));
    }
}
