package org.topgif.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.raster.Theme;
import org.topgif.renderer.screen.Fields;
import org.topgif.renderer.screen.Layout;
import org.topgif.renderer.screen.RowOrder;
import org.topgif.renderer.screen.ScreenOptions;
import org.topgif.renderer.screen.SortKey;

/**
 * Builds {@link TopgifSettings} from, strongest first: system properties, environment variables,
 * application.conf (or the file named by {@code -Dconfig.file}), and reference.conf.
 *
 * <p>Every key in reference.conf can be set from the environment: {@code topgif.screen.full-commands} is read
 * from {@code TOPGIF_SCREEN_FULL_COMMANDS}. Reading every value here, eagerly, is what makes a bad value stop
 * start-up instead of the first request.
 */
public final class SettingsLoader {

    /** Variables that the ./topgif launcher reads, not the settings: no warning for them. */
    static final Set<String> LAUNCHER_VARIABLES = Set.of("TOPGIF_JAVA_OPTS");

    private final Map<String, String> environment;

    /** @param environment the process environment, passed in so that tests need not change the real one */
    public SettingsLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * Loads and validates every setting.
     *
     * @throws SettingsException naming the first bad key, its value, its origin and what was expected
     */
    public TopgifSettings load() {
        return load(Path.of("application.conf"));
    }

    /** Loads with {@code applicationFile} as the application.conf beside the operator, if it exists. */
    TopgifSettings load(Path applicationFile) {
        Config application;
        try {
            application = application(applicationFile);
        } catch (ConfigException unreadable) {
            throw unreadable(unreadable);
        }
        return load(application);
    }

    /** Loads with {@code application} in place of application.conf; for tests and embedding. */
    public TopgifSettings load(Config application) {
        Config merged;
        Config reference;
        try {
            ConfigFactory.invalidateCaches();
            reference = ConfigFactory.defaultReference();
            merged = ConfigFactory.defaultOverrides()
                    .withFallback(fromEnvironment(reference))
                    .withFallback(application)
                    .withFallback(reference)
                    .resolve();
            merged.checkValid(reference, "topgif");
        } catch (ConfigException.ValidationFailed invalid) {
            ConfigException.ValidationProblem first = invalid.problems().iterator().next();
            throw new SettingsException("bad setting " + first.path() + " (" + first.origin().description()
                    + "): " + first.problem());
        } catch (ConfigException unreadable) {
            throw unreadable(unreadable);
        }
        List<String> warnings = new ArrayList<>(UnknownKeys.warnings(merged, reference));
        warnings.addAll(UnknownKeys.environmentWarnings(environment.keySet(), reference, LAUNCHER_VARIABLES));
        return read(new SettingsReader(merged), warnings);
    }

    private static SettingsException unreadable(ConfigException cause) {
        return new SettingsException("cannot read settings: " + cause.getMessage());
    }

    /**
     * Typesafe's own application.conf comes from the classpath (or -Dconfig.file); operators expect the file
     * beside them to count too, so a readable ./application.conf is used unless a system property names one.
     */
    private static Config application(Path workingDirectoryFile) {
        boolean named = System.getProperty("config.file") != null || System.getProperty("config.resource") != null
                || System.getProperty("config.url") != null;
        if (!named && Files.isRegularFile(workingDirectoryFile)) {
            return ConfigFactory.parseFile(workingDirectoryFile.toFile(),
                    ConfigParseOptions.defaults().setAllowMissing(false));
        }
        return ConfigFactory.defaultApplication();
    }

    private static TopgifSettings read(SettingsReader settings, List<String> warnings) {
        Fields.Parsed fields = Fields.parse(settings.string("topgif.screen.fields", 200));
        if (fields.problem().isPresent()) {
            throw settings.bad("topgif.screen.fields", "top, or top's field names such as PID,USER,%CPU,COMMAND: "
                    + fields.problem().get());
        }
        ScreenOptions screen = new ScreenOptions(
                settings.choice("topgif.screen.sort", SortKey::parse, SortKey.choices()),
                settings.string("topgif.screen.filter", ScreenOptions.MAX_FILTER_LENGTH),
                settings.intIn("topgif.screen.rows", 0, ScreenOptions.MAX_ROWS),
                settings.intIn("topgif.screen.columns", ScreenOptions.MIN_COLUMNS, ScreenOptions.MAX_COLUMNS),
                settings.bool("topgif.screen.full-commands"),
                fields.fields(),
                settings.choice("topgif.screen.order", RowOrder::parse, RowOrder.choices()),
                settings.choice("topgif.screen.layout", Layout::parse, Layout.choices()));
        Duration interval = settings.duration("topgif.recording.interval", RecordingPlan.INTERVAL_RULE);
        if (!RecordingPlan.isValidInterval(interval)) {
            throw settings.bad("topgif.recording.interval", RecordingPlan.INTERVAL_RULE);
        }
        int seconds = settings.intIn("topgif.recording.seconds", 1, RecordingPlan.MAX_SECONDS);
        if (seconds * 1000L / interval.toMillis() > RecordingPlan.MAX_FRAMES) {
            throw settings.bad("topgif.recording.seconds", "at most " + RecordingPlan.MAX_FRAMES + " frames");
        }
        RecordingPlan recording = new RecordingPlan(Duration.ofSeconds(seconds), interval,
                settings.intIn("topgif.gif.width", RecordingPlan.MIN_WIDTH, RecordingPlan.MAX_SIDE),
                settings.intIn("topgif.gif.height", RecordingPlan.MIN_HEIGHT, RecordingPlan.MAX_SIDE),
                settings.choice("topgif.gif.theme", Theme::parse, Theme.choices()),
                settings.intIn("topgif.gif.loops", 0, RecordingPlan.MAX_PLAYS),
                screen);
        CommandLimits command = command(settings);
        HistorySettings history = new HistorySettings(settings.intIn("topgif.history.seconds", 0,
                RecordingPlan.MAX_SECONDS));
        if (history.samples(interval) > RecordingPlan.MAX_FRAMES) {
            throw settings.bad("topgif.history.seconds", "at most " + RecordingPlan.MAX_FRAMES + " samples");
        }
        FleetSettings fleet = fleet(settings);
        return new TopgifSettings(recording, settings.bool("topgif.redact-secrets"), discord(settings),
                command, rateLimit(settings), ScheduleReader.read(settings, command, recording), host(settings),
                history, fleet, standby(settings, fleet), AlertReader.read(settings, history.seconds()),
                alertmanager(settings), warnings);
    }

    private static AlertmanagerSettings alertmanager(SettingsReader settings) {
        String listen = settings.string("topgif.alertmanager.listen", 200).trim();
        int maxBody = settings.intIn("topgif.alertmanager.max-body", 1024, 16 * 1024 * 1024);
        String hostLabel = settings.string("topgif.alertmanager.host-label", 100).trim();
        if (listen.isEmpty()) {
            return new AlertmanagerSettings(Optional.empty(), Optional.empty(), 0, hostLabel, maxBody);
        }
        String address = "HOST:PORT such as 127.0.0.1:9095, or \"\" for no receiver";
        int colon = listen.lastIndexOf(':');
        int port;
        try {
            port = colon > 0 ? Integer.parseInt(listen.substring(colon + 1)) : -1;
        } catch (NumberFormatException notAPort) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw settings.bad("topgif.alertmanager.listen", address);
        }
        String host = listen.substring(0, colon).replace("[", "").replace("]", "");
        Optional<SecretText> token = optional(settings.string("topgif.alertmanager.token", 500)).map(SecretText::new);
        if (token.isEmpty()) {
            throw settings.missing("topgif.alertmanager.token", "a token that Alertmanager sends as Authorization: "
                    + "Bearer …, since the receiver takes no request without one");
        }
        String channel = settings.string("topgif.alertmanager.channel", 30).trim();
        if (channel.isEmpty()) {
            throw settings.missing("topgif.alertmanager.channel", "a text channel id such as \"223456789012345678\"");
        }
        long channelId = settings.wholeNumber("topgif.alertmanager.channel", "a text channel id such as "
                + "\"223456789012345678\"");
        return new AlertmanagerSettings(Optional.of(new java.net.InetSocketAddress(host, port)), token, channelId,
                hostLabel.isEmpty() ? "instance" : hostLabel, maxBody);
    }

    private static StandbySettings standby(SettingsReader settings, FleetSettings fleet) {
        boolean enabled = settings.bool("topgif.standby.enabled");
        if (enabled && !fleet.enabled()) {
            throw settings.bad("topgif.standby.enabled", "false, or the fleet's broker that keeps the lease: "
                    + "set topgif.fleet.url");
        }
        return new StandbySettings(enabled, settings.durationIn("topgif.standby.lease-ttl",
                StandbySettings.SHORTEST_TTL, StandbySettings.LONGEST_TTL));
    }

    private static FleetSettings fleet(SettingsReader settings) {
        String url = settings.string("topgif.fleet.url", 2000).trim();
        Optional<FleetServers> servers = Optional.empty();
        if (!url.isEmpty()) {
            servers = Optional.of(FleetServers.parse(url).orElseThrow(() -> settings.bad("topgif.fleet.url",
                    FleetServers.RULE)));
        }
        Optional<String> user = optional(settings.string("topgif.fleet.user", 200));
        Optional<SecretText> password = optional(settings.string("topgif.fleet.password", 500)).map(SecretText::new);
        Optional<SecretText> token = optional(settings.string("topgif.fleet.token", 500)).map(SecretText::new);
        Optional<Path> credentials = optional(settings.string("topgif.fleet.credentials-file", 500)).map(Path::of);
        Optional<Path> nkey = optional(settings.string("topgif.fleet.nkey-file", 500)).map(Path::of);
        Optional<Path> ca = optional(settings.string("topgif.fleet.ca-file", 500)).map(Path::of);
        if (password.isPresent() && user.isEmpty()) {
            throw new SettingsException("bad settings: " + settings.source("topgif.fleet.password")
                    + " is set but topgif.fleet.user is not; a password needs its user");
        }
        List<String> ways = new ArrayList<>();
        user.ifPresent(set -> ways.add("topgif.fleet.user"));
        token.ifPresent(set -> ways.add("topgif.fleet.token"));
        credentials.ifPresent(set -> ways.add("topgif.fleet.credentials-file"));
        nkey.ifPresent(set -> ways.add("topgif.fleet.nkey-file"));
        if (ways.size() > 1) {
            throw new SettingsException("bad settings " + String.join(" and ", ways) + ": set one way to sign in to "
                    + "the fleet's broker, not " + ways.size());
        }
        for (var file : List.of(Map.entry("topgif.fleet.credentials-file", credentials),
                Map.entry("topgif.fleet.nkey-file", nkey), Map.entry("topgif.fleet.ca-file", ca))) {
            if (file.getValue().isPresent() && !Files.isReadable(file.getValue().get())) {
                throw settings.bad(file.getKey(), "a readable file");
            }
        }
        Duration heartbeat = settings.durationIn("topgif.fleet.heartbeat", Duration.ofSeconds(1),
                Duration.ofMinutes(5));
        Duration forgetAfter = settings.durationIn("topgif.fleet.forget-after", heartbeat.multipliedBy(3),
                Duration.ofDays(7));
        String defaultHost = settings.string("topgif.fleet.default-host", 500).trim();
        if (!defaultHost.isEmpty() && HostName.problem(defaultHost).isPresent()) {
            throw settings.bad("topgif.fleet.default-host", HostName.RULE);
        }
        return new FleetSettings(servers, user, password, token, credentials, nkey, ca, heartbeat, forgetAfter,
                optional(defaultHost).map(HostName::new));
    }

    private static Optional<String> optional(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    private static DiscordSettings discord(SettingsReader settings) {
        String token = settings.string("topgif.discord.token", 500).trim();
        if (!token.isEmpty()) {
            DiscordToken.problemWith(token).ifPresent(problem -> {
                throw new SettingsException(settings.source("topgif.discord.token") + " is not a valid bot token ("
                        + problem + ")");
            });
        }
        String restUrl = settings.string("topgif.discord.rest-url", 500);
        if (!restUrl.matches("https?://[^\\s]+/")) {
            throw settings.bad("topgif.discord.rest-url", "an http(s) URL ending in a slash, like https://discord.com/api/v10/");
        }
        String gatewayUrl = settings.string("topgif.discord.gateway-url", 500);
        if (!gatewayUrl.matches("wss?://[^\\s]+")) {
            throw settings.bad("topgif.discord.gateway-url", "a ws:// or wss:// URL, like wss://gateway.discord.gg");
        }
        boolean administratorsOnly = settings.choice("topgif.discord.default-member-permissions",
                text -> switch (text.trim().toLowerCase(Locale.ROOT)) {
                    case "everyone" -> Optional.of(false);
                    case "administrators" -> Optional.of(true);
                    default -> Optional.<Boolean>empty();
                }, "everyone or administrators");
        return new DiscordSettings(token.isEmpty() ? Optional.empty() : Optional.of(new DiscordToken(token)),
                restUrl, gatewayUrl, settings.ids("topgif.discord.guild-ids"), administratorsOnly,
                settings.longIn("topgif.discord.upload-limit-bytes", 65_536, 524_288_000));
    }

    private static HostSettings host(SettingsReader settings) {
        String passwd = settings.string("topgif.sampler.passwd-file", 500).trim();
        String name = settings.string("topgif.host-name", 500).trim();
        String nameFile = settings.string("topgif.host-name-file", 500).trim();
        if (!name.isEmpty() && HostName.problem(name).isPresent()) {
            throw settings.bad("topgif.host-name", HostName.RULE);
        }
        if (name.isEmpty() && !nameFile.isEmpty()) {
            try {
                name = Files.readAllLines(Path.of(nameFile)).stream().map(String::trim).filter(line -> !line.isEmpty())
                        .findFirst().orElse("");
            } catch (java.io.IOException | RuntimeException unreadable) {
                throw settings.bad("topgif.host-name-file", "a readable file whose first line is the host's name");
            }
            if (HostName.problem(name).isPresent()) {
                throw settings.bad("topgif.host-name-file", "a file whose first line is the host's name, "
                        + HostName.RULE);
            }
        }
        HostName host = name.isEmpty() ? operatingSystemHostName() : new HostName(name);
        String health = settings.string("topgif.health-file", 500).trim();
        return new HostSettings(host, passwd.isEmpty() ? Optional.empty() : Optional.of(Path.of(passwd)),
                health.isEmpty() ? Optional.empty() : Optional.of(Path.of(health)));
    }

    private static HostName operatingSystemHostName() {
        try {
            String name = java.net.InetAddress.getLocalHost().getHostName();
            if (HostName.problem(name).isEmpty()) {
                return new HostName(name);
            }
        } catch (java.net.UnknownHostException unnamed) {
            // named below
        }
        return new HostName("this host");
    }

    private static CommandLimits command(SettingsReader settings) {
        int min = settings.intIn("topgif.command.seconds-min", 1, RecordingPlan.MAX_SECONDS);
        int max = settings.intIn("topgif.command.seconds-max", min, RecordingPlan.MAX_SECONDS);
        int fallback = settings.intIn("topgif.command.seconds-default", min, max);
        return new CommandLimits(min, max, fallback,
                settings.intIn("topgif.command.rows-max", 1, ScreenOptions.MAX_ROWS),
                settings.intIn("topgif.command.filter-max-length", 1, ScreenOptions.MAX_FILTER_LENGTH),
                settings.durationIn("topgif.command.progress-interval", Duration.ofSeconds(1), Duration.ofSeconds(60)));
    }

    private static RateLimitSettings rateLimit(SettingsReader settings) {
        return new RateLimitSettings(
                settings.intIn("topgif.rate-limit.burst", 1, 100),
                settings.durationIn("topgif.rate-limit.refill", Duration.ofSeconds(1), Duration.ofDays(1)),
                settings.durationIn("topgif.rate-limit.idle-eviction", Duration.ofMinutes(1), Duration.ofDays(30)),
                settings.intIn("topgif.rate-limit.max-concurrent-recordings", 1, 64),
                settings.intIn("topgif.rate-limit.queue-size", 0, 1000),
                settings.intIn("topgif.rate-limit.max-concurrent-answers", 1, 64),
                settings.intIn("topgif.rate-limit.answer-queue-size", 0, 10000),
                settings.durationIn("topgif.rate-limit.shutdown-grace", Duration.ZERO, Duration.ofMinutes(15)));
    }

    /** One layer per environment variable that names a reference key, so errors can name the variable. */
    private Config fromEnvironment(Config reference) {
        Config overrides = ConfigFactory.empty();
        for (Map.Entry<String, ConfigValue> entry : reference.getConfig("topgif").entrySet()) {
            String key = "topgif." + entry.getKey();
            String variable = environmentName(key);
            String value = environment.get(variable);
            if (value == null && key.equals("topgif.discord.token")) {
                // The name Discord bots conventionally read their token from.
                variable = "DISCORD_TOKEN";
                value = environment.get(variable);
            }
            if (value != null) {
                // An environment variable is text: a list-valued key takes its items separated by commas.
                Object typed = entry.getValue().valueType() == ConfigValueType.LIST
                        ? Arrays.stream(value.split("[,\\s]+")).filter(item -> !item.isEmpty()).toList()
                        : value;
                overrides = overrides.withFallback(
                        ConfigFactory.parseMap(Map.of(key, typed), "environment variable " + variable));
            }
        }
        return overrides;
    }

    /** {@code topgif.screen.full-commands} becomes {@code TOPGIF_SCREEN_FULL_COMMANDS}. */
    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
