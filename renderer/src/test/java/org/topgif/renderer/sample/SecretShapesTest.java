package org.topgif.renderer.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecretShapesTest {

    private static String redact(String commandLine) {
        return CommandLineRedactor.ENABLED.redact(Arrays.asList(commandLine.split(" ")));
    }

    /** Command lines as real hosts run them: paths, versions, hex ids, UUIDs and identifiers stay readable. */
    static Stream<String> realCommandLines() {
        return Stream.of(
                "/usr/bin/containerd-shim-runc-v2 -namespace moby -id "
                        + "4f3c2a9d8e7b6a5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c -address "
                        + "/run/containerd/containerd.sock",
                "java -XX:+UseG1GC -XX:MaxRAMPercentage=60 -Dlog4j2.contextSelector="
                        + "org.apache.logging.log4j.core.async.AsyncLoggerContextSelector -jar "
                        + "/srv/app/billing-service-2.14.3-SNAPSHOT.jar",
                "/opt/google/chrome/chrome --type=renderer --enable-features=NetworkServiceInProcess2,"
                        + "WebRTCPipeWireCapturer,EnableIPv6ForwardingOnLinux2 --field-trial-handle=3,i,"
                        + "10923874509823745098,1829374918237498172,262144 --variations-seed-version=20231115-180052.845000",
                "/usr/lib/jvm/java-17-openjdk-amd64/bin/java -cp /home/ci/.gradle/wrapper/dists/gradle-8.5-bin/"
                        + "5t9huq95ubn472n8rpzujfbqh/gradle-8.5/lib/gradle-launcher-8.5.jar org.gradle.launcher.GradleMain",
                "java -jar /home/ci/.m2/repository/org/apache/maven/surefire/surefire-booter/3.5.4/surefire-booter-3.5.4.jar"
                        + " /tmp/surefire2738465/surefire-20261206235712345_3tmp surefire_0-20261206235712345_4tmp",
                "node /home/dev/.vscode-server/bin/1a5daa3a0231a0fbba4f14db7ec463cf99d7768e/out/server-main.js "
                        + "--host=127.0.0.1 --port=0 --telemetry-level=off",
                "python3 -m ipykernel_launcher -f /root/.local/share/jupyter/runtime/"
                        + "kernel-5b0c8c8e-3a4e-4a3b-9a0f-1c2d3e4f5a6b.json",
                "/snap/firefox/3358/usr/lib/firefox/firefox -contentproc -childID 1 -isForBrowser -prefsLen 28340 "
                        + "-parentBuildID 20231106191703 {3C5B1C9F-2F3E-4C4E-9B8D-1A2B3C4D5E6F} 4012 true tab",
                "kubelet --node-ip=10.0.0.4 --pod-infra-container-image=registry.k8s.io/pause:3.9 "
                        + "--hostname-override=ip-10-0-1-23.eu-west-1.compute.internal",
                "docker run --rm sha256:9c7a54a9a43cca047013b82af109fe963fde787f63f9e016fdc3384500c2823d",
                "java -cp /opt/kafka/libs/kafka_2.13-3.6.1.jar:/opt/kafka/libs/zstd-jni-1.5.5-6.jar kafka.Kafka "
                        + "/opt/kafka/config/server.properties",
                "gunicorn config.wsgi:application --bind 0.0.0.0:8000 --workers 4 --worker-class "
                        + "uvicorn.workers.UvicornWorker",
                "/usr/lib/electron27/electron --enable-features=WaylandWindowDecorations --ozone-platform-hint=auto "
                        + "/usr/lib/code/out/cli.js",
                "ssh -i /home/u/.ssh/id_ed25519 -o ServerAliveInterval=30 deploy@10.0.0.5",
                "/lib/systemd/systemd-fsck /dev/disk/by-uuid/0F3A-1B2C",
                "postgres: 15/main: checkpointer",
                "/usr/bin/python3 /usr/bin/networkd-dispatcher --run-startup-triggers",
                "java -Dhadoop.fs.impl=org.apache.hadoop.fs.Hadoop3FileSystemProvider -Xss512k -Xmx4g x.Main");
    }

    @ParameterizedTest
    @MethodSource("realCommandLines")
    void aRealCommandLineKeepsItsText(String commandLine) {
        assertEquals(commandLine, redact(commandLine));
    }

    /** Tokens with no secret-looking name before them: what a process shows, then what topgif shows. */
    static Stream<Arguments> tokens() {
        String discordLike = "MTA5ODc2NTQzMjEw" + "OTg3NjU0Mw.GaBcDe." + "abcdefGHIJKL0123456789mnopqrstu";
        return Stream.of(
                Arguments.of("app ghp_16C7e42F292c6912E7710c838347Ae178B4a run", "app *** run"),
                Arguments.of("gh auth login --with gho_16C7e42F292c6912E7710c838347Ae178B4a", "gh auth login --with ***"),
                Arguments.of("deploy github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQ",
                        "deploy ***"),
                Arguments.of("notify xoxb-2134567890123-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx #ops", "notify *** #ops"),
                Arguments.of("socket-mode xapp-1-A0123456789-1234567890123-abcdef0123", "socket-mode ***"),
                Arguments.of("glab auth login glpat-z_sxgtrfAxKr8q1TPY8Y", "glab auth login ***"),
                Arguments.of("aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE", "aws configure set aws_access_key_id ***"),
                Arguments.of("stripe listen --api sk_live_51H8aBcDeFgHiJkLmN", "stripe listen --api ***"),
                Arguments.of("npm publish --registry=https://r/ npm_abcdefghijklmnopqrstuvwxyz0123456789",
                        "npm publish --registry=https://r/ ***"),
                Arguments.of("curl https://api/x eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
                        + "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "curl https://api/x ***"),
                Arguments.of("bot " + discordLike, "bot ***"),
                Arguments.of("worker --seed 9fKq2ZxT7mWbN4pLrC8vYd", "worker --seed ***"),
                Arguments.of("cat /run/secrets/A9xk2LmQ7pZr4TbW8nVc1", "cat /run/secrets/***"),
                Arguments.of("openssl enc -aes-256-cbc -k=hunter2 -in f", "openssl enc -aes-256-cbc -k=*** -in f"),
                Arguments.of("sh -c curl -d ghp_16C7e42F292c6912E7710c838347Ae178B4a https://x",
                        "sh -c curl -d *** https://x"));
    }

    @ParameterizedTest
    @MethodSource("tokens")
    void aTokenThatStandsAloneIsHiddenByItsShape(String commandLine, String shown) {
        String[] argv = commandLine.startsWith("sh -c ")
                ? new String[] {"sh", "-c", commandLine.substring("sh -c ".length())}
                : commandLine.split(" ");
        assertEquals(shown, CommandLineRedactor.ENABLED.redact(List.of(argv)));
    }

    @Test
    void settingErrorsAndLogLinesHideTokensByShapeToo() {
        assertEquals("https://hooks.example/***", CommandLineRedactor.redactText(
                "https://hooks.example/xoxb-2134567890123-1234567890123-AbCdEfGhIjKl"));
    }

    /** The share of random tokens of one length and alphabet that the random-word rule hides, seeded. */
    private static double hiddenShare(int length, String alphabet) {
        Random random = new Random(length);
        int hidden = 0;
        int tries = 4000;
        for (int t = 0; t < tries; t++) {
            StringBuilder token = new StringBuilder();
            for (int k = 0; k < length; k++) {
                token.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (SecretShapes.mask(token.toString()).equals(CommandLineRedactor.MASK)) {
                hidden++;
            }
        }
        return hidden / (double) tries;
    }

    @Test
    void mostRandomTokensOfTwentyCharactersOrMoreAreHiddenAndAlmostAllLongOnes() {
        String base64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        // Measured with this seed: 0.75, 0.84, 0.94, 0.97, 0.996 (Random(length), 4000 tokens each).
        assertTrue(hiddenShare(20, base64url) >= 0.72, "20: " + hiddenShare(20, base64url));
        assertTrue(hiddenShare(24, base64url) >= 0.80, "24: " + hiddenShare(24, base64url));
        assertTrue(hiddenShare(32, base64url) >= 0.92, "32: " + hiddenShare(32, base64url));
        assertTrue(hiddenShare(40, base64url) >= 0.95, "40: " + hiddenShare(40, base64url));
        assertTrue(hiddenShare(64, base64url) >= 0.99, "64: " + hiddenShare(64, base64url));
        // Hex ids never: they have no capitals.
        assertEquals(0.0, hiddenShare(64, "0123456789abcdef"));
    }
}
