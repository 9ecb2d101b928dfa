package org.topgif.bot.command;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.topgif.bot.post.GifPipeline;

/**
 * A /top reply that keeps what it was asked to show, tell and deliver, and fails deliveries as planned.
 * Test code; thread-safe, as the jobs call it from their own threads.
 */
final class RecordedReply implements TopReply {

    final List<String> shown = new ArrayList<>();
    final List<String> told = new ArrayList<>();
    final List<GifPipeline.RenderedGif> delivered = new ArrayList<>();
    private final Deque<Refused> failures = new ArrayDeque<>();
    private int attempts;

    /** The next deliveries fail with these, in order. */
    synchronized RecordedReply failing(Refused... planned) {
        failures.addAll(List.of(planned));
        return this;
    }

    synchronized int attempts() {
        return attempts;
    }

    @Override
    public synchronized void show(String text) {
        shown.add(text);
    }

    @Override
    public synchronized void deliver(GifPipeline.RenderedGif gif) throws Refused {
        attempts++;
        Refused failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        delivered.add(gif);
    }

    @Override
    public synchronized CompletableFuture<?> tell(String text) {
        told.add(text);
        return CompletableFuture.completedFuture(null);
    }

    synchronized List<String> told() {
        return List.copyOf(told);
    }

    synchronized List<String> shown() {
        return List.copyOf(shown);
    }

    synchronized List<GifPipeline.RenderedGif> delivered() {
        return List.copyOf(delivered);
    }
}
