package org.topgif.bot.hosts;

import org.topgif.config.HostName;

/** Which host a request's {@code host} option means, or why it cannot be shown now. */
public sealed interface HostResolution {

    /** The bot's own host, sampled by its own history. */
    record Own(HostName host) implements HostResolution {
    }

    /** A host of the fleet that reports now; its samples come from the broker. */
    record Remote(HostName host) implements HostResolution {
    }

    /** Every host of the fleet at a glance. */
    record Fleet() implements HostResolution {
    }

    /** Not shown; {@code message} is what the user is told, privately, already escaped for chat. */
    record Refused(String message) implements HostResolution {
    }
}
