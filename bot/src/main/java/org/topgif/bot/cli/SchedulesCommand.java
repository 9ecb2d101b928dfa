package org.topgif.bot.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.topgif.bot.schedule.Slots;
import org.topgif.config.ScheduleMode;
import org.topgif.config.ScheduleSpec;
import org.topgif.config.TopgifSettings;

/** {@code topgif schedules}: checks the scheduled posts' settings without connecting, and shows their next slots. */
final class SchedulesCommand implements Subcommand {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final TopgifSettings settings;
    private final Clock clock;

    SchedulesCommand(TopgifSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "schedules";
    }

    @Override
    public String summary() {
        return "check the scheduled posts' settings and print each one's next three slots";
    }

    @Override
    public String usage() {
        return """
                  (no options: schedules come from topgif.schedules in application.conf and from
                   TOPGIF_SCHEDULE_CHANNEL / _EVERY / _HOST / _MODE; a bad one exits 78)
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        ParsedOptions.parse(args, Set.of(), Set.of());
        List<ScheduleSpec> schedules = settings.schedules().schedules();
        if (schedules.isEmpty()) {
            out.println("no schedules: set TOPGIF_SCHEDULE_CHANNEL, or topgif.schedules in application.conf");
            return 0;
        }
        Instant now = clock.instant();
        for (int i = 0; i < schedules.size(); i++) {
            ScheduleSpec spec = schedules.get(i);
            out.printf(Locale.ROOT, "schedule %d: every %s of %s to channel %d, %s, offset %s, %d s, sort %s, %s, "
                    + "theme %s, %s%n",
                    i + 1, ScheduleSpec.describe(spec.every()), spec.host().describe(), spec.channel(),
                    spec.mode() == ScheduleMode.EDIT ? "one message edited in place" : "a new message each time",
                    ScheduleSpec.describe(spec.offset()), spec.seconds(), spec.sort().userName(),
                    spec.rows().isPresent() ? spec.rows().getAsInt() + " rows" : "rows as the GIF holds",
                    spec.theme().userName(), spec.silent() ? "silent" : "with a notification");
            Slots slots = new Slots(spec.every(), spec.offset(), settings.schedules().zone());
            List<String> next = new ArrayList<>();
            Instant slot = now;
            for (int k = 0; k < 3; k++) {
                slot = slots.after(slot);
                next.add(LOCAL.format(slot.atZone(settings.schedules().zone())) + " (" + UTC.format(slot) + ")");
            }
            out.println("  next: " + String.join(", ", next));
        }
        return 0;
    }
}
