package org.topgif.bot.post;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.sample.SystemSample;

/**
 * Draws each distinct GIF once: requests for the same plan over the same samples (which, from the history,
 * are the very same sample objects within one interval) get the bytes of one render, the first caller
 * drawing and the others waiting for it. A render is kept for two intervals after it was asked for, then
 * forgotten. Thread-safe: the map of renders is concurrent and each entry's future is completed once.
 */
final class SharedRenders {

    /** Which GIF: the plan, and the samples by identity, not by their equal content, which is costly to compare. */
    private record Key(RecordingPlan plan, int frames, IdentityOf first, IdentityOf last) {
    }

    /** An object compared by identity. */
    private record IdentityOf(Object object) {
        @Override
        public boolean equals(Object other) {
            return other instanceof IdentityOf that && that.object == object;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(object);
        }
    }

    private record Render(CompletableFuture<Optional<byte[]>> gif, long askedNanos) {
    }

    private final long limitBytes;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<Key, Render> renders = new ConcurrentHashMap<>();
    private final AtomicLong drawn = new AtomicLong();

    SharedRenders(long limitBytes, LongSupplier nanoClock) {
        this.limitBytes = limitBytes;
        this.nanoClock = nanoClock;
    }

    /** The GIF of {@code samples} as {@code plan} draws it, fitted to the upload limit; drawn here or shared. */
    Optional<byte[]> fit(List<SystemSample> samples, RecordingPlan plan) {
        long now = nanoClock.getAsLong();
        forgetOlderThan(now - plan.interval().multipliedBy(2).toNanos());
        Key key = new Key(plan, samples.size(), new IdentityOf(samples.get(0)),
                new IdentityOf(samples.get(samples.size() - 1)));
        Render mine = new Render(new CompletableFuture<>(), now);
        Render shared = renders.putIfAbsent(key, mine);
        if (shared != null) {
            return shared.gif().join();
        }
        try {
            drawn.incrementAndGet();
            Optional<byte[]> gif = GifFitter.fit(samples, plan, limitBytes);
            mine.gif().complete(gif);
            return gif;
        } catch (RuntimeException | Error failed) {
            // Those who joined fail as this caller does; the next request draws again.
            renders.remove(key, mine);
            mine.gif().completeExceptionally(failed);
            throw failed;
        }
    }

    /** The upload limit every GIF is fitted to. */
    long limitBytes() {
        return limitBytes;
    }

    /** How many GIFs were drawn, as opposed to shared. */
    long drawn() {
        return drawn.get();
    }

    private void forgetOlderThan(long nanos) {
        renders.entrySet().removeIf(entry -> entry.getValue().gif().isDone() && entry.getValue().askedNanos() - nanos < 0);
    }
}
