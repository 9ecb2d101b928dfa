package org.topgif.bot.alertmanager;

import java.util.Objects;
import java.util.Optional;

/**
 * One alert of a webhook, every text already bounded and printable. Immutable.
 *
 * @param fingerprint  what tells this alert from others across sends: lowercase hex
 * @param firing       firing, or resolved
 * @param host         the host label's value with any port left out; empty when the alert has none
 * @param generatorUrl an http(s) link to the alert's source; empty when absent or not such a link
 */
public record WebhookAlert(String fingerprint, boolean firing, String name, String severity, String summary,
                           String description, Optional<String> host, Optional<String> generatorUrl) {

    public WebhookAlert {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(generatorUrl, "generatorUrl");
    }
}
