package org.topgif.renderer.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandLineRedactorTest {

    private static String redact(String... argv) {
        return CommandLineRedactor.ENABLED.redact(List.of(argv));
    }

    /** Each spelling of a secret: the arguments a process has, then what topgif shows. */
    static Stream<Arguments> spellings() {
        return Stream.of(
                // Options whose name looks secret: =, :, a blank after =, or the next argument.
                spelling("app --password=*** --port=80", "app", "--password=hunter2", "--port=80"),
                spelling("app --password:*** --port=80", "app", "--password:hunter2", "--port=80"),
                spelling("app --password= *** run", "app", "--password=", "hunter2", "run"),
                spelling("app --token *** run", "app", "--token", "abc123", "run"),
                spelling("gpg --batch --passphrase *** -d f.gpg", "gpg", "--batch", "--passphrase", "pp", "-d", "f.gpg"),
                spelling("app --api-key *** --db-password=***", "app", "--api-key", "k-1", "--db-password=p"),
                spelling("keytool -storepass *** -keypass *** -new ***",
                        "keytool", "-storepass", "s1", "-keypass", "s2", "-new", "s3"),
                spelling("java -Djavax.net.ssl.trustStorePassword=*** -jar x.jar",
                        "java", "-Djavax.net.ssl.trustStorePassword=changeit", "-jar", "x.jar"),
                spelling("app --password=*** ***", "app", "--password=two words"),
                spelling("app --password *** run", "app", "--password", "-x9", "run"),
                spelling("app --no-auth --port 80", "app", "--no-auth", "--port", "80"),
                // Environment-style assignments.
                spelling("env DB_PASSWORD=*** GITHUB_TOKEN=*** AWS_SECRET_ACCESS_KEY=*** HOME=/root run",
                        "env", "DB_PASSWORD=x", "GITHUB_TOKEN=ghp_y", "AWS_SECRET_ACCESS_KEY=z", "HOME=/root", "run"),
                spelling("sh -c PGPASSWORD=*** psql -h db", "sh", "-c", "PGPASSWORD=pw psql -h db"),
                spelling("sh -c export TOKEN=\"*** *** ***\" run", "sh", "-c", "export TOKEN=\"a b c\"; run"),
                // URLs: user-info with or without a password, secret query parameters.
                spelling("app postgres://admin:***@db:5432/x", "app", "postgres://admin:s3cret@db:5432/x"),
                spelling("app --url=https://u:***@h/p", "app", "--url=https://u:pw@h/p"),
                spelling("git clone https://***@github.com/o/r.git", "git", "clone", "https://ghp_xxx@github.com/o/r.git"),
                spelling("app https://u:***@host/x", "app", "https://u:pa/ss@host/x"),
                spelling("app https://example.org/a:b https://registry/@scope/pkg",
                        "app", "https://example.org/a:b", "https://registry/@scope/pkg"),
                spelling("curl https://api/x?access_token=***&page=2", "curl", "https://api/x?access_token=SECRET&page=2"),
                spelling("curl https://s3/o?X-Amz-Signature=***&sig=***&api_key=***&key=***&code=***",
                        "curl", "https://s3/o?X-Amz-Signature=a&sig=b&api_key=c&key=d&code=e"),
                // Headers, in one argument and inside a script.
                spelling("curl -H Authorization: *** *** https://api",
                        "curl", "-H", "Authorization: Bearer eyJhbGciOi", "https://api"),
                spelling("curl -H X-Auth-Token: *** -H Cookie: *** ***",
                        "curl", "-H", "X-Auth-Token: abc", "-H", "Cookie: session=abc; theme=dark"),
                spelling("curl -H X-Auth-Token:*** -H Proxy-Authorization:***",
                        "curl", "-H", "X-Auth-Token:abc", "-H", "Proxy-Authorization:Basic"),
                spelling("wget --header=Authorization: *** *** https://x", "wget", "--header=Authorization: Bearer t", "https://x"),
                spelling("sh -c curl -H \"Authorization: *** ***\" https://api",
                        "sh", "-c", "curl -H \"Authorization: Bearer t\" https://api"),
                // JSON-ish.
                spelling("app {\"password\":\"***\",\"user\":\"bob\"}", "app", "{\"password\":\"SECRET\",\"user\":\"bob\"}"),
                spelling("app {\"password\": ***", "app", "{\"password\": \"SECRET\"}"),
                spelling("app {'api_key':'***'}", "app", "{'api_key':'SECRET'}"),
                spelling("app {\"token\":***,\"n\":1}", "app", "{\"token\":12345,\"n\":1}"),
                // Glued short options of known tools, also in scripts and behind sudo or env.
                spelling("/usr/bin/mysql -u root -p*** db", "/usr/bin/mysql", "-u", "root", "-psecret", "db"),
                spelling("sh -c cd /srv && mysql -uroot -p*** db", "sh", "-c", "cd /srv && mysql -uroot -pSECRET db"),
                spelling("sudo -u app mysqldump -p*** x", "sudo", "-u", "app", "mysqldump", "-pSECRET", "x"),
                spelling("bash -c $(mysql -p***)", "bash", "-c", "$(mysql -pSECRET)"),
                spelling("psql -p5432 db", "psql", "-p5432", "db"),
                spelling("sh -c psql -p5432 db; mysql -p***", "sh", "-c", "psql -p5432 db; mysql -pX"),
                spelling("sshpass -p*** ssh host", "sshpass", "-psecret", "ssh", "host"),
                spelling("sshpass -p *** ssh host", "sshpass", "-p", "secret", "ssh", "host"),
                spelling("plink -pw *** host", "plink", "-pw", "secret", "host"),
                spelling("pscp -pw *** f host:", "pscp", "-pw", "secret", "f", "host:"),
                spelling("redis-cli -a *** ping", "redis-cli", "-a", "secret", "ping"),
                spelling("redis-cli -a*** ping", "redis-cli", "-asecret", "ping"),
                spelling("curl -u *** https://x", "curl", "-u", "me:secret", "https://x"),
                spelling("curl --user=*** -b *** https://x", "curl", "--user=me:secret", "-b", "sid=1", "https://x"),
                spelling("curl -u*** https://x", "curl", "-ume:secret", "https://x"),
                spelling("openssl enc -aes256 -k *** -pass *** -passin *** -in f",
                        "openssl", "enc", "-aes256", "-k", "s1", "-pass", "pass:s2", "-passin", "env:S", "-in", "f"),
                spelling("ldapsearch -D cn=admin -w *** -b dc=x", "ldapsearch", "-D", "cn=admin", "-w", "s", "-b", "dc=x"),
                spelling("smbclient -U *** //h/s", "smbclient", "-U", "user%pass", "//h/s"),
                spelling("sqlcmd -S db -U sa -P ***", "sqlcmd", "-S", "db", "-U", "sa", "-P", "s"),
                spelling("mongosh -u admin -p *** db", "mongosh", "-u", "admin", "-p", "s", "db"),
                spelling("ipmitool -H bmc -U root -P *** power status",
                        "ipmitool", "-H", "bmc", "-U", "root", "-P", "s", "power", "status"),
                spelling("snmpwalk -v2c -c *** host", "snmpwalk", "-v2c", "-c", "public", "host"),
                spelling("xfreerdp /u:admin /p:*** /v:host", "xfreerdp", "/u:admin", "/p:secret", "/v:host"),
                spelling("docker run -p 8080:80 nginx", "docker", "run", "-p", "8080:80", "nginx"),
                spelling("docker login -u me -p *** registry", "docker", "login", "-u", "me", "-p", "s", "registry"),
                spelling("sqlplus -s scott/***@orcl @run.sql", "sqlplus", "-s", "scott/tiger@orcl", "@run.sql"),
                spelling("htpasswd -bc /etc/h user ***", "htpasswd", "-bc", "/etc/h", "user", "secret"),
                spelling("nmcli dev wifi connect Home password ***", "nmcli", "dev", "wifi", "connect", "Home", "password", "s"),
                spelling("useradd -m -p *** bob", "useradd", "-m", "-p", "$6$hash", "bob"),
                // Nothing secret: left alone.
                spelling("nginx: worker process", "nginx: worker process"),
                spelling("python3 -m http.server 8000", "python3", "-m", "http.server", "8000"),
                spelling("passwd alice", "passwd", "alice"),
                spelling("ssh -p 2222 git@host", "ssh", "-p", "2222", "git@host"));
    }

    private static Arguments spelling(String shown, String... argv) {
        return Arguments.of(List.of(argv), shown);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("spellings")
    void showsEachSpellingOfASecretMasked(List<String> argv, String shown) {
        assertEquals(shown, CommandLineRedactor.ENABLED.redact(argv));
    }

    @Test
    void textRedactionHidesUrlCredentialsForMessages() {
        assertEquals("cannot reach http://user:***@127.0.0.1:1/api/v10/",
                CommandLineRedactor.redactText("cannot reach http://user:pw@127.0.0.1:1/api/v10/"));
    }

    @Test
    void disabledRedactorJoinsArgumentsUnchanged() {
        assertEquals("app --password=hunter2", CommandLineRedactor.DISABLED.redact(List.of("app", "--password=hunter2")));
    }

    /**
     * Inputs that make backtracking patterns explode: long runs of letters and separators, nested quotes, many
     * schemes without an '@'. A megabyte of each must take milliseconds, not minutes.
     */
    @Test
    void aMegabyteOfAdversarialInputIsRedactedInLinearTime() {
        List<String> shapes = List.of("a", ":", "@", "=", "\"", "'", "://", "a:", "a=", "a@", "-p", "--password=",
                "\"a\":\"", "{\"k\":", "https://a:", "token=", "X-Token: ", "a/", "? ", "&key=");
        Random random = new Random(42);
        List<List<String>> inputs = new ArrayList<>();
        for (String shape : shapes) {
            inputs.add(List.of("sh", "-c", shape.repeat(1_000_000 / shape.length())));
            inputs.add(List.of("app", shape.repeat(1_000_000 / shape.length())));
        }
        StringBuilder mixed = new StringBuilder();
        while (mixed.length() < 1_000_000) {
            mixed.append(shapes.get(random.nextInt(shapes.size())));
        }
        inputs.add(List.of("sh", "-c", mixed.toString()));
        inputs.add(List.of("mysql", mixed.toString()));
        CommandLineRedactor.ENABLED.redact(inputs.get(0)); // warm up
        long started = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (List<String> argv : inputs) {
                CommandLineRedactor.ENABLED.redact(argv);
            }
        }, inputs.size() + " megabytes of adversarial command lines");
        System.out.printf(java.util.Locale.ROOT, "redacted %d adversarial megabytes in %d ms%n", inputs.size(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
