package org.topgif.bot.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.topgif.config.AlertRule;

/**
 * One alert's episodes, decided sample by sample: it fires once its rule has held for {@code for}, and
 * resolves once the rule has not held for as long. Pure bookkeeping, no Discord. Not thread-safe: the
 * history's sampler thread owns it.
 */
final class AlertEpisodes {

    /** What a sample changed. */
    sealed interface Event {
        /** The rule has held since {@code since}; {@code breach} is the latest sample's. */
        record Fired(Instant since, AlertRule.Breach breach) implements Event {
        }

        /** The episode that began {@code since} ended {@code until}: the rule has not held since then. */
        record Resolved(Instant since, Instant until) implements Event {
        }
    }

    private final Duration forDuration;
    /** Since when the rule has held without a break; null while it does not hold. */
    private Instant holding;
    /** Since when a firing rule has not held; null while it holds. */
    private Instant clear;
    /** When the firing episode began; null while none fires. */
    private Instant firing;

    AlertEpisodes(Duration forDuration) {
        this.forDuration = forDuration;
    }

    /** Takes one sample's verdict, at {@code now}; what it changed, if anything. */
    Optional<Event> take(Instant now, Optional<AlertRule.Breach> breach) {
        if (breach.isPresent()) {
            clear = null;
            if (holding == null) {
                holding = now;
            }
            if (firing == null && !now.isBefore(holding.plus(forDuration))) {
                firing = holding;
                return Optional.of(new Event.Fired(holding, breach.get()));
            }
            return Optional.empty();
        }
        holding = null;
        if (firing == null) {
            return Optional.empty();
        }
        if (clear == null) {
            clear = now;
        }
        if (now.isBefore(clear.plus(forDuration))) {
            return Optional.empty();
        }
        Event resolved = new Event.Resolved(firing, clear);
        firing = null;
        clear = null;
        return Optional.of(resolved);
    }
}
