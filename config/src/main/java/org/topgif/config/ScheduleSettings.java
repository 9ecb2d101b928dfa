package org.topgif.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The scheduled posts and the clock they follow. Immutable.
 *
 * @param schedules every schedule, the one from the environment included; the same channel and period
 *                  given twice is one schedule
 * @param zone      where midnight is, from which slots are counted
 * @param grace     how late after its slot a post missed while the bot was down is still made at start-up
 */
public record ScheduleSettings(List<ScheduleSpec> schedules, ZoneId zone, Duration grace) {

    public ScheduleSettings {
        schedules = List.copyOf(schedules);
    }
}
