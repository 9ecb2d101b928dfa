package org.topgif.config;

import java.time.Duration;

/** What /top accepts: Discord is told these ranges and the bot checks them again. Immutable. */
public record CommandLimits(int secondsMin, int secondsMax, int secondsDefault, int rowsMax, int filterMaxLength,
                            Duration progressInterval) {
}
