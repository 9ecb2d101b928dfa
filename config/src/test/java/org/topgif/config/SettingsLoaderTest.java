package org.topgif.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topgif.renderer.screen.ScreenOptions;
import org.topgif.renderer.screen.SortKey;

class SettingsLoaderTest {

    private static TopgifSettings load(Map<String, String> environment, String application) {
        Config parsed = ConfigFactory.parseString(application, com.typesafe.config.ConfigParseOptions.defaults()
                .setOriginDescription("application.conf"));
        return new SettingsLoader(environment).load(parsed);
    }

    private static String failure(Map<String, String> environment, String application) {
        return assertThrows(SettingsException.class, () -> load(environment, application)).getMessage();
    }

    @Test
    void defaultsComeFromReferenceConf() {
        TopgifSettings settings = load(Map.of(), "");
        assertEquals(new ScreenOptions(SortKey.CPU, "", 20, 80, false), settings.screen());
        assertEquals(12, settings.recording().frames());
        assertEquals(550, settings.recording().width(), "the largest Discord shows 1:1");
        assertEquals(350, settings.recording().height());
        assertTrue(settings.redactSecrets());
    }

    @Test
    void applicationConfOverridesDefaults() {
        TopgifSettings settings = load(Map.of(), "topgif { screen { rows = 30, sort = MEM, filter = nginx } }");
        assertEquals(30, settings.screen().rows());
        assertEquals(SortKey.MEM, settings.screen().sort());
        assertEquals("nginx", settings.screen().filter());
    }

    @Test
    void environmentVariablesOverrideApplicationConf() {
        TopgifSettings settings = load(
                Map.of("TOPGIF_SCREEN_ROWS", "7", "TOPGIF_SCREEN_FULL_COMMANDS", "true",
                        "TOPGIF_REDACT_SECRETS", "false", "UNRELATED", "x"),
                "topgif.screen.rows = 30");
        assertEquals(7, settings.screen().rows());
        assertTrue(settings.screen().fullCommands());
        assertFalse(settings.redactSecrets());
    }

    @Test
    void anOutOfRangeValueNamesKeyValueOriginAndExpectation() {
        assertEquals("bad setting topgif.screen.rows = \"-4\" (environment variable TOPGIF_SCREEN_ROWS): "
                + "expected an integer from 0 to 1000", failure(Map.of("TOPGIF_SCREEN_ROWS", "-4"), ""));
        assertEquals("bad setting topgif.screen.columns = 9000 (from application.conf: 1): "
                + "expected an integer from 40 to 512", failure(Map.of(), "topgif.screen.columns = 9000"));
    }

    @Test
    void anUnknownChoiceListsTheChoices() {
        assertEquals("bad setting topgif.screen.sort = \"fastest\" (from application.conf: 1): "
                + "expected one of cpu, mem, time or pid", failure(Map.of(), "topgif.screen.sort = fastest"));
    }

    @Test
    void aValueOfTheWrongTypeIsOneLine() {
        String message = failure(Map.of("TOPGIF_SCREEN_FULL_COMMANDS", "maybe"), "");
        assertEquals("bad setting topgif.screen.full-commands = \"maybe\" (environment variable "
                + "TOPGIF_SCREEN_FULL_COMMANDS): expected true or false", message);
        String list = failure(Map.of(), "topgif.screen.rows = [1, 2]");
        assertTrue(list.startsWith("bad setting topgif.screen.rows (application.conf: 1): "), list);
        assertFalse(list.contains("\n"));
    }

    @Test
    void malformedHoconIsReportedWithItsFileAndLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("application.conf"), "topgif {\n  screen { rows = 5\n");
        SettingsException error = assertThrows(SettingsException.class, () -> new SettingsLoader(Map.of()).load(file));
        assertTrue(error.getMessage().startsWith("cannot read settings: "), error.getMessage());
        assertTrue(error.getMessage().contains("application.conf: 3"), error.getMessage());
    }

    @Test
    void readsTheApplicationConfBesideTheOperator(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("application.conf"), "topgif.screen.rows = 12\n");
        assertEquals(12, new SettingsLoader(Map.of()).load(file).screen().rows());
        assertEquals(20, new SettingsLoader(Map.of()).load(dir.resolve("absent.conf")).screen().rows());
    }

    @Test
    void theTokenComesFromDiscordTokenAndNeverShows() {
        TopgifSettings settings = load(Map.of("DISCORD_TOKEN", "abc.def.ghi"), "");
        assertEquals("abc.def.ghi", settings.discord().token().orElseThrow().value());
        assertFalse(settings.toString().contains("abc.def.ghi"), settings.toString());
        assertTrue(load(Map.of(), "").discord().token().isEmpty());
        String message = failure(Map.of("TOPGIF_DISCORD_TOKEN", "x".repeat(600)), "");
        assertFalse(message.contains("xxx"), message);
    }

    @Test
    void discordUrlsAndGuildsCanBeOverriddenForAProxyOrATestDouble() {
        TopgifSettings settings = load(Map.of("TOPGIF_DISCORD_REST_URL", "http://127.0.0.1:8080/api/v10/",
                "TOPGIF_DISCORD_GATEWAY_URL", "ws://127.0.0.1:8081", "TOPGIF_DISCORD_GUILD_IDS", "11, 22"), "");
        assertEquals("http://127.0.0.1:8080/api/v10/", settings.discord().restUrl());
        assertEquals("ws://127.0.0.1:8081", settings.discord().gatewayUrl());
        assertEquals(java.util.List.of(11L, 22L), settings.discord().guildIds());
        assertEquals(java.util.List.of(33L), load(Map.of(), "topgif.discord.guild-ids = [33]").discord().guildIds());
        assertEquals("bad setting topgif.discord.rest-url = \"ftp://x\" (environment variable TOPGIF_DISCORD_REST_URL): "
                + "expected an http(s) URL ending in a slash, like https://discord.com/api/v10/",
                failure(Map.of("TOPGIF_DISCORD_REST_URL", "ftp://x"), ""));
        assertTrue(failure(Map.of(), "topgif.discord.guild-ids = [abc]").contains("expected a list of Discord ids"));
    }

    @Test
    void commandAndRateLimitsAreRead() {
        TopgifSettings settings = load(Map.of(), "topgif.rate-limit { burst = 3, refill = 30s }");
        assertEquals(3, settings.rateLimit().burst());
        assertEquals(java.time.Duration.ofSeconds(30), settings.rateLimit().refill());
        assertEquals(12, settings.command().secondsDefault());
        assertTrue(failure(Map.of(), "topgif.command { seconds-min = 10, seconds-default = 5 }")
                .startsWith("bad setting topgif.command.seconds-default = 5"));
    }

    @Test
    void theHistoryIsOnByDefaultAndZeroTurnsItOff() {
        TopgifSettings defaults = load(Map.of(), "");
        assertTrue(defaults.history().enabled());
        assertEquals(30, defaults.history().samples(defaults.recording().interval()));
        assertEquals(16, defaults.rateLimit().maxConcurrentAnswers());
        assertEquals(64, defaults.rateLimit().answerQueueSize());
        assertTrue(!load(Map.of("TOPGIF_HISTORY_SECONDS", "0"), "").history().enabled());
        assertEquals(300, load(Map.of(), "topgif { history.seconds = 30, recording.interval = 100ms }").history()
                .samples(java.time.Duration.ofMillis(100)));
        assertEquals("bad setting topgif.history.seconds = -1 (from application.conf: 1): expected an integer from 0 to 600",
                failure(Map.of(), "topgif.history.seconds = -1"));
    }

    @Test
    void environmentNamesFollowTheKey() {
        assertEquals("TOPGIF_SCREEN_FULL_COMMANDS", SettingsLoader.environmentName("topgif.screen.full-commands"));
    }

    @Test
    void anUnknownKeyIsWarnedAboutWithTheKeyMostLikelyMeant() {
        TopgifSettings settings = load(Map.of(), "topgif { screen { rowz = 5 }, discord.guild-idz = [1], zzzz = 1 }");
        assertEquals(java.util.List.of(
                "unknown setting topgif.discord.guild-idz (application.conf: 1) — did you mean guild-ids?",
                "unknown setting topgif.screen.rowz (application.conf: 1) — did you mean rows?",
                "unknown setting topgif.zzzz (application.conf: 1)"), settings.warnings());
        assertEquals(java.util.List.of(), load(Map.of(), "topgif.screen.rows = 5").warnings());
    }

    @Test
    void aMisspeltEnvironmentVariableIsWarnedAboutWithTheNameMostLikelyMeant() {
        TopgifSettings settings = load(Map.of("TOPGIF_SCREEN_SORTT", "mem", "TOPGIF_ZZZZ", "1",
                "TOPGIF_SCREEN_ROWS", "5", "TOPGIF_JAVA_OPTS", "-Xmx1g", "DISCORD_TOKEN", "a.b.c", "PATH", "/bin"), "");
        assertEquals(java.util.List.of(
                "unknown environment variable TOPGIF_SCREEN_SORTT, ignored — did you mean TOPGIF_SCREEN_SORT?",
                "unknown environment variable TOPGIF_ZZZZ, ignored"), settings.warnings());
    }

    @Test
    void aFractionWhereAWholeNumberBelongsIsRefused() {
        assertEquals("bad setting topgif.screen.rows = 5.5 (from application.conf: 1): expected an integer from 0 to 1000",
                failure(Map.of(), "topgif.screen.rows = 5.5"));
        assertEquals("bad setting topgif.screen.rows = \"5.5\" (environment variable TOPGIF_SCREEN_ROWS): expected an "
                + "integer from 0 to 1000", failure(Map.of("TOPGIF_SCREEN_ROWS", "5.5"), ""));
        assertEquals(5, load(Map.of("TOPGIF_SCREEN_ROWS", " 5 "), "").screen().rows());
    }

    @Test
    void schedulesComeFromAFileAndOneFromTheEnvironmentWithoutDoubles() {
        ScheduleSettings schedules = load(Map.of("TOPGIF_SCHEDULE_CHANNEL", "111", "TOPGIF_SCHEDULE_EVERY", "30m"),
                "topgif { schedule-zone = Europe/Berlin, schedules = [ "
                        + "{ channel = \"223456789012345678\", every = 1h, offset = 5m, seconds = 5, sort = mem,"
                        + " rows = 10, theme = light, silent = false },"
                        + "{ channel = 111, every = 30m },"
                        + "{ channel = 111, every = 30m, host = \"*\", mode = edit },"
                        + "{ channel = 111, every = 30m, host = db-1 } ] }").schedules();
        assertEquals(java.time.ZoneId.of("Europe/Berlin"), schedules.zone());
        assertEquals(java.time.Duration.ofMinutes(2), schedules.grace());
        assertEquals(java.util.List.of(
                new ScheduleSpec(223456789012345678L, java.time.Duration.ofHours(1), java.time.Duration.ofMinutes(5), 5,
                        SortKey.MEM, java.util.OptionalInt.of(10), org.topgif.renderer.raster.Theme.LIGHT, false,
                        ScheduleHost.DEFAULT, ScheduleMode.POST),
                new ScheduleSpec(111, java.time.Duration.ofMinutes(30), java.time.Duration.ZERO, 12, SortKey.CPU,
                        java.util.OptionalInt.empty(), org.topgif.renderer.raster.Theme.DARK, true,
                        ScheduleHost.DEFAULT, ScheduleMode.POST),
                new ScheduleSpec(111, java.time.Duration.ofMinutes(30), java.time.Duration.ZERO, 12, SortKey.CPU,
                        java.util.OptionalInt.empty(), org.topgif.renderer.raster.Theme.DARK, true,
                        new ScheduleHost("*"), ScheduleMode.EDIT),
                new ScheduleSpec(111, java.time.Duration.ofMinutes(30), java.time.Duration.ZERO, 12, SortKey.CPU,
                        java.util.OptionalInt.empty(), org.topgif.renderer.raster.Theme.DARK, true,
                        new ScheduleHost("db-1"), ScheduleMode.POST)),
                schedules.schedules());
        ScheduleSpec fromEnvironment = load(Map.of("TOPGIF_SCHEDULE_CHANNEL", "111", "TOPGIF_SCHEDULE_HOST", "*",
                "TOPGIF_SCHEDULE_MODE", "edit"), "").schedules().schedules().get(0);
        assertEquals(new ScheduleHost("*"), fromEnvironment.host());
        assertEquals(ScheduleMode.EDIT, fromEnvironment.mode());
        assertEquals(java.util.List.of(), load(Map.of(), "").schedules().schedules(), "no channel, no schedule");
    }

    @Test
    void aBadScheduleNamesItsEntryAndKey() {
        assertEquals("bad setting topgif.schedules[1].every = \"7m\" (from application.conf: 1): expected "
                + ScheduleSpec.EVERY_RULE, failure(Map.of(), "topgif.schedules = [ { channel = 1 }, { channel = 2, every = \"7m\" } ]"));
        assertEquals("bad setting topgif.schedules[0].every = \"soon\" (from application.conf: 1): expected "
                + ScheduleSpec.EVERY_RULE, failure(Map.of(), "topgif.schedules = [ { channel = 1, every = soon } ]"));
        assertEquals("bad setting topgif.schedules[0].offset = \"1h\" (from application.conf: 1): expected from 0 "
                + "to less than every (1h)", failure(Map.of(), "topgif.schedules = [ { channel = 1, offset = 1h } ]"));
        assertEquals("bad setting topgif.schedules[0].channel is missing: expected a text channel id such as "
                + "\"223456789012345678\"", failure(Map.of(), "topgif.schedules = [ { every = 1h } ]"));
        assertEquals("bad setting topgif.schedules[0].channel = \"ops\" (from application.conf: 1): expected a text "
                + "channel id such as \"223456789012345678\"", failure(Map.of(), "topgif.schedules = [ { channel = ops } ]"));
        assertEquals("bad setting topgif.schedules[0].chanel (from application.conf: 1): unknown key; expected one of "
                + "channel, every, host, mode, offset, rows, seconds, silent, sort, theme",
                failure(Map.of(), "topgif.schedules = [ { chanel = 1 } ]"));
        assertEquals("bad setting topgif.schedules[0].host = \"db\\t1\" (from application.conf: 1): expected "
                + ScheduleHost.RULE, failure(Map.of(), "topgif.schedules = [ { channel = 1, host = \"db\\t1\" } ]"));
        assertEquals("bad setting topgif.schedule.mode = \"replace\" (environment variable TOPGIF_SCHEDULE_MODE): "
                + "expected one of post or edit", failure(Map.of("TOPGIF_SCHEDULE_CHANNEL", "1", "TOPGIF_SCHEDULE_MODE",
                "replace"), ""));
        assertEquals("bad setting topgif.schedule.every = \"25h\" (environment variable TOPGIF_SCHEDULE_EVERY): "
                + "expected " + ScheduleSpec.EVERY_RULE,
                failure(Map.of("TOPGIF_SCHEDULE_CHANNEL", "1", "TOPGIF_SCHEDULE_EVERY", "25h"), ""));
        assertEquals("bad setting topgif.schedule-zone = \"Mars/Olympus\" (from application.conf: 1): expected a time "
                + "zone such as UTC or Europe/Berlin", failure(Map.of(), "topgif.schedule-zone = Mars/Olympus"));
    }

    @Test
    void theHostIsNamedFromASettingOrAFileAndItsUsersFromTheGivenPasswdFile(@TempDir Path dir) throws IOException {
        Path hostname = Files.writeString(dir.resolve("hostname"), "\ndb-1\n");
        HostSettings fromFile = load(Map.of("TOPGIF_HOST_NAME_FILE", hostname.toString(),
                "TOPGIF_SAMPLER_PASSWD_FILE", "/host/etc/passwd"), "").host();
        assertEquals("db-1", fromFile.name().value());
        assertEquals(java.util.Optional.of(Path.of("/host/etc/passwd")), fromFile.passwdFile());
        assertEquals("web-2", load(Map.of("TOPGIF_HOST_NAME", "web-2", "TOPGIF_HOST_NAME_FILE", hostname.toString()),
                "").host().name().value(), "the name wins over the file");
        assertEquals(java.util.Optional.empty(), load(Map.of("TOPGIF_SAMPLER_PASSWD_FILE", ""), "").host().passwdFile(),
                "numeric ids");
        assertEquals(java.util.Optional.of(Path.of("/etc/passwd")), load(Map.of(), "").host().passwdFile());
        assertEquals("bad setting topgif.host-name-file = \"" + dir.resolve("none") + "\" (environment variable "
                + "TOPGIF_HOST_NAME_FILE): expected a readable file whose first line is the host's name",
                failure(Map.of("TOPGIF_HOST_NAME_FILE", dir.resolve("none").toString()), ""));
        assertEquals("bad setting topgif.host-name = \"*\" (environment variable TOPGIF_HOST_NAME): expected 1 to 100 "
                + "printable characters, not \"*\" alone, which means the whole fleet", failure(Map.of("TOPGIF_HOST_NAME", "*"), ""));
    }

    @Test
    void withoutAFleetUrlTopgifRunsOnOneHostAndWithOneItReadsTheBrokerAndHowToSignIn(@TempDir Path dir)
            throws IOException {
        FleetSettings alone = load(Map.of(), "").fleet();
        assertEquals(java.util.Optional.empty(), alone.servers());
        assertEquals(false, alone.enabled());
        assertEquals(java.time.Duration.ofSeconds(5), alone.heartbeat());
        assertEquals(java.time.Duration.ofMinutes(10), alone.forgetAfter());

        Path creds = Files.writeString(dir.resolve("agent.creds"), "-----BEGIN NATS USER JWT-----\n");
        FleetSettings fleet = load(Map.of("TOPGIF_FLEET_URL", "nats://nats:4222, tls://b.example:4443",
                "TOPGIF_FLEET_CREDENTIALS_FILE", creds.toString(), "TOPGIF_FLEET_DEFAULT_HOST", "db-1.eu"), "").fleet();
        assertEquals("nats://nats:4222,tls://b.example:4443", fleet.servers().orElseThrow().shown());
        assertEquals(java.util.Optional.of(creds), fleet.credentialsFile());
        assertEquals(java.util.Optional.of(new HostName("db-1.eu")), fleet.defaultHost());
        assertEquals(java.time.Duration.ofSeconds(10), fleet.staleAfter(java.time.Duration.ofSeconds(1)),
                "two heartbeats");
    }

    @Test
    void aBadFleetSettingIsOneLineAndNeverShowsAPassword() {
        assertEquals("bad setting topgif.fleet.url = \"http://nats:4222\" (environment variable TOPGIF_FLEET_URL): "
                + "expected nats://HOST:PORT (or tls://, ws://, wss://), several separated by commas",
                failure(Map.of("TOPGIF_FLEET_URL", "http://nats:4222"), ""));
        String both = failure(Map.of("TOPGIF_FLEET_URL", "nats://nats:4222", "TOPGIF_FLEET_USER", "bot",
                "TOPGIF_FLEET_PASSWORD", "hunter2-secret", "TOPGIF_FLEET_TOKEN", "s3cr3t-token"), "");
        assertEquals("bad settings topgif.fleet.user and topgif.fleet.token: set one way to sign in to the fleet's "
                + "broker, not 2", both);
        assertEquals("bad settings: TOPGIF_FLEET_PASSWORD is set but topgif.fleet.user is not; a password needs its "
                + "user", failure(Map.of("TOPGIF_FLEET_URL", "nats://nats:4222", "TOPGIF_FLEET_PASSWORD",
                "hunter2-secret"), ""));
        String missingFile = failure(Map.of("TOPGIF_FLEET_URL", "nats://nats:4222", "TOPGIF_FLEET_NKEY_FILE",
                "/nonexistent/agent.nk"), "");
        assertEquals("bad setting topgif.fleet.nkey-file = \"/nonexistent/agent.nk\" (environment variable "
                + "TOPGIF_FLEET_NKEY_FILE): expected a readable file", missingFile);
        String inUrl = failure(Map.of("TOPGIF_FLEET_URL", "nats://bot:hunter2@nats:4222/path"), "");
        assertTrue(!inUrl.contains("hunter2") && inUrl.startsWith("bad setting topgif.fleet.url"), inUrl);
    }

    @Test
    void alertsComeFromAFileAndOneFromTheEnvironmentAndTheirGifMustFitInTheHistory() {
        java.util.List<AlertSpec> alerts = load(Map.of("TOPGIF_HISTORY_SECONDS", "120", "TOPGIF_ALERT_CHANNEL", "111",
                "TOPGIF_ALERT_RULE", "memory > 95%", "TOPGIF_ALERT_MENTION_ROLE", "333"),
                "topgif.alerts = [ { name = \"db cpu\", channel = \"222\", host = db-1, rule = \"host-cpu > 90%\","
                        + " for = 30s, cooldown = 5m } ]").alerts();
        assertEquals(java.util.List.of(
                new AlertSpec("db cpu", 222, java.util.Optional.of(new HostName("db-1")),
                        AlertRule.parse("host-cpu > 90%").orElseThrow(), java.time.Duration.ofSeconds(30),
                        java.time.Duration.ofMinutes(5), java.util.OptionalLong.empty()),
                new AlertSpec("memory > 95%", 111, java.util.Optional.empty(), AlertRule.parse("memory > 95%")
                        .orElseThrow(), java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(10),
                        java.util.OptionalLong.of(333))), alerts);
        assertEquals(java.util.List.of(), load(Map.of(), "").alerts(), "no channel, no alert");
        String tooShort = failure(Map.of("TOPGIF_ALERT_CHANNEL", "1", "TOPGIF_ALERT_RULE", "host-cpu > 90%"), "");
        assertTrue(tooShort.startsWith("bad setting topgif.alert.for = \"1m\" (from reference.conf"), tooShort);
        assertTrue(tooShort.endsWith("expected at most topgif.history.seconds (30) less 10 s, so that the alert's "
                + "GIF shows the time before: raise topgif.history.seconds to 70"), tooShort);
        assertEquals("bad setting topgif.alerts[0].rule = \"cpu > 90\" (from application.conf: 1): expected "
                + AlertRule.RULES, failure(Map.of("TOPGIF_HISTORY_SECONDS", "120"),
                "topgif.alerts = [ { channel = 1, rule = \"cpu > 90\" } ]"));
        assertEquals("bad setting topgif.alerts[0].rule is missing: expected " + AlertRule.RULES,
                failure(Map.of(), "topgif.alerts = [ { channel = 1 } ]"));
        assertTrue(failure(Map.of("TOPGIF_HISTORY_SECONDS", "120"), "topgif.alerts = [ { channel = 1, rule = "
                + "\"memory > 9%\", mention-role = everyone } ]").startsWith(
                "bad setting topgif.alerts[0].mention-role = \"everyone\""));
        assertTrue(failure(Map.of(), "topgif.alerts = [ { channel = 1, rule = \"memory > 9%\", roles = 1 } ]")
                .contains("unknown key"));
    }

    @Test
    void aStandbyNeedsTheFleetsBrokerForItsLeaseAndALeaseOfTwoSecondsToFiveMinutes() {
        assertEquals(new StandbySettings(false, java.time.Duration.ofSeconds(15)), load(Map.of(), "").standby());
        assertEquals(new StandbySettings(true, java.time.Duration.ofSeconds(30)), load(Map.of("TOPGIF_FLEET_URL",
                "nats://nats:4222", "TOPGIF_STANDBY_ENABLED", "true", "TOPGIF_STANDBY_LEASE_TTL", "30s"), "").standby());
        assertEquals("bad setting topgif.standby.enabled = \"true\" (environment variable TOPGIF_STANDBY_ENABLED): "
                + "expected false, or the fleet's broker that keeps the lease: set topgif.fleet.url",
                failure(Map.of("TOPGIF_STANDBY_ENABLED", "true"), ""));
        assertTrue(failure(Map.of("TOPGIF_STANDBY_LEASE_TTL", "1s"), "").startsWith(
                "bad setting topgif.standby.lease-ttl = \"1s\""));
    }

    @Test
    void anOverlongOrUnprintableHostNameIsOneLineNamingTheRule(@TempDir Path dir) throws IOException {
        assertEquals("bad setting topgif.host-name = \"" + "d".repeat(101) + "\" (environment variable "
                + "TOPGIF_HOST_NAME): expected " + HostName.RULE,
                failure(Map.of("TOPGIF_HOST_NAME", "d".repeat(101)), ""));
        assertEquals("bad setting topgif.host-name = \"db\\u001b[31m-1\" (environment variable "
                + "TOPGIF_HOST_NAME): expected " + HostName.RULE,
                failure(Map.of("TOPGIF_HOST_NAME", "db\u001b[31m-1"), ""));
        Path tabbed = Files.writeString(dir.resolve("hostname"), "db\t1\n");
        assertEquals("bad setting topgif.host-name-file = \"" + tabbed + "\" (environment variable "
                + "TOPGIF_HOST_NAME_FILE): expected a file whose first line is the host's name, "
                + HostName.RULE, failure(Map.of("TOPGIF_HOST_NAME_FILE", tabbed.toString()), ""));
        assertEquals("db-1.eu.example.com", load(Map.of("TOPGIF_HOST_NAME", "db-1.eu.example.com"), "").host().name()
                .value(), "a dotted name is a name");
    }

    @Test
    void fieldsAndOrderAreReadAndABadFieldIsOneLine() {
        ScreenOptions screen = load(Map.of("TOPGIF_SCREEN_FIELDS", "PID,nTH,%CPU", "TOPGIF_SCREEN_ORDER", "live"), "")
                .screen();
        assertEquals(java.util.List.of(org.topgif.renderer.screen.Field.PID, org.topgif.renderer.screen.Field.THREADS,
                org.topgif.renderer.screen.Field.CPU, org.topgif.renderer.screen.Field.COMMAND), screen.fields().chosen());
        assertEquals(false, screen.fields().fitted(), "a list is shown as it is");
        assertEquals(org.topgif.renderer.screen.Fields.TOP, load(Map.of(), "").screen().fields(), "top's, fitted");
        assertEquals(org.topgif.renderer.screen.RowOrder.LIVE, screen.order());
        assertEquals("bad setting topgif.screen.fields = \"PID,WCHAN\" (environment variable TOPGIF_SCREEN_FIELDS): "
                + "expected top, or top's field names such as PID,USER,%CPU,COMMAND: unknown field WCHAN; fields are "
                + org.topgif.renderer.screen.Field.choices(), failure(Map.of("TOPGIF_SCREEN_FIELDS", "PID,WCHAN"), ""));
        assertEquals("bad setting topgif.screen.order = \"random\" (environment variable TOPGIF_SCREEN_ORDER): "
                + "expected one of steady or live", failure(Map.of("TOPGIF_SCREEN_ORDER", "random"), ""));
        assertEquals(org.topgif.renderer.screen.Layout.WIDE, load(Map.of(), "").screen().layout(), "wide by default");
        assertEquals(org.topgif.renderer.screen.Layout.COMPACT,
                load(Map.of("TOPGIF_SCREEN_LAYOUT", "compact"), "").screen().layout());
        assertEquals("bad setting topgif.screen.layout = \"narrow\" (environment variable TOPGIF_SCREEN_LAYOUT): "
                + "expected one of wide or compact", failure(Map.of("TOPGIF_SCREEN_LAYOUT", "narrow"), ""));
    }
}
