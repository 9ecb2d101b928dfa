package org.topgif.config;

import java.util.List;
import java.util.Optional;

/**
 * How the bot reaches Discord and presents itself there. Immutable.
 *
 * @param token                      empty when none is configured; only {@code topgif bot} needs one
 * @param guildIds                   guilds to register /top in; empty registers it globally
 * @param administratorsOnly         whether /top is for administrators unless a server changes it
 * @param uploadLimitBytes           the largest attachment to upload
 */
public record DiscordSettings(Optional<DiscordToken> token, String restUrl, String gatewayUrl, List<Long> guildIds,
                              boolean administratorsOnly, long uploadLimitBytes) {

    public DiscordSettings {
        guildIds = List.copyOf(guildIds);
    }
}
