package org.topgif.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.raster.Theme;
import org.topgif.renderer.screen.SortKey;

/** Reads {@code topgif.schedules}, {@code topgif.schedule} (the environment's one) and their clock. */
final class ScheduleReader {

    private static final Set<String> ENTRY_KEYS = Set.of("channel", "every", "offset", "seconds", "sort", "rows",
            "theme", "silent", "host", "mode");
    private static final String CHANNEL = "a text channel id such as \"223456789012345678\"";

    private ScheduleReader() {
    }

    static ScheduleSettings read(SettingsReader settings, CommandLimits limits, RecordingPlan recording) {
        ZoneId zone;
        try {
            zone = ZoneId.of(settings.string("topgif.schedule-zone", 100).trim());
        } catch (DateTimeException unknown) {
            throw settings.bad("topgif.schedule-zone", "a time zone such as UTC or Europe/Berlin");
        }
        Duration grace = settings.durationIn("topgif.schedule-grace", Duration.ZERO, Duration.ofMinutes(10));
        List<ScheduleSpec> all = new ArrayList<>();
        for (SettingsReader entry : settings.objects("topgif.schedules")) {
            all.add(entry(entry, limits, recording));
        }
        String channel = settings.string("topgif.schedule.channel", 30).trim();
        if (!channel.isEmpty()) {
            all.add(new ScheduleSpec(settings.wholeNumber("topgif.schedule.channel", CHANNEL),
                    every(settings, "topgif.schedule.every"), Duration.ZERO, limits.secondsDefault(),
                    recording.screen().sort(), OptionalInt.empty(), recording.theme(), true,
                    host(settings, "topgif.schedule.host"), mode(settings, "topgif.schedule.mode")));
        }
        // The same channel, period and host named twice (in a file and in the environment) is one schedule.
        Map<List<Object>, ScheduleSpec> distinct = new LinkedHashMap<>();
        for (ScheduleSpec spec : all) {
            distinct.putIfAbsent(List.of(spec.channel(), spec.every(), spec.host()), spec);
        }
        return new ScheduleSettings(List.copyOf(distinct.values()), zone, grace);
    }

    private static ScheduleSpec entry(SettingsReader entry, CommandLimits limits, RecordingPlan recording) {
        entry.onlyKeys(ENTRY_KEYS);
        if (!entry.has("channel")) {
            throw entry.missing("channel", CHANNEL);
        }
        long channel = entry.wholeNumber("channel", CHANNEL);
        if (channel <= 0) {
            throw entry.bad("channel", CHANNEL);
        }
        Duration every = entry.has("every") ? every(entry, "every") : Duration.ofHours(1);
        Duration offset = Duration.ZERO;
        if (entry.has("offset")) {
            offset = entry.duration("offset", "a duration such as 0m or 5m");
            String problem = ScheduleSpec.offsetProblem(offset, every).orElse(null);
            if (problem != null) {
                throw entry.bad("offset", problem);
            }
        }
        int seconds = entry.has("seconds") ? entry.intIn("seconds", limits.secondsMin(), limits.secondsMax())
                : limits.secondsDefault();
        SortKey sort = entry.has("sort") ? entry.choice("sort", SortKey::parse, SortKey.choices())
                : recording.screen().sort();
        OptionalInt rows = entry.has("rows") ? OptionalInt.of(entry.intIn("rows", 1, limits.rowsMax()))
                : OptionalInt.empty();
        Theme theme = entry.has("theme") ? entry.choice("theme", Theme::parse, Theme.choices()) : recording.theme();
        boolean silent = !entry.has("silent") || entry.bool("silent");
        ScheduleHost host = entry.has("host") ? host(entry, "host") : ScheduleHost.DEFAULT;
        ScheduleMode mode = entry.has("mode") ? mode(entry, "mode") : ScheduleMode.POST;
        return new ScheduleSpec(channel, every, offset, seconds, sort, rows, theme, silent, host, mode);
    }

    private static ScheduleHost host(SettingsReader settings, String key) {
        String value = settings.string(key, HostName.MAX_LENGTH + 10).trim();
        if (ScheduleHost.problem(value).isPresent()) {
            throw settings.bad(key, ScheduleHost.RULE);
        }
        return new ScheduleHost(value);
    }

    private static ScheduleMode mode(SettingsReader settings, String key) {
        return settings.choice(key, ScheduleMode::parse, ScheduleMode.choices());
    }

    private static Duration every(SettingsReader settings, String key) {
        Duration every = settings.duration(key, ScheduleSpec.EVERY_RULE);
        if (ScheduleSpec.everyProblem(every).isPresent()) {
            throw settings.bad(key, ScheduleSpec.EVERY_RULE);
        }
        return every;
    }
}
