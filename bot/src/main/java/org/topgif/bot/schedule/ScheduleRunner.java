package org.topgif.bot.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of the scheduled posts in the bot: one that keeps the time for every schedule, and a pool on
 * which each slot's recording and upload run, so that schedules never wait on each other. Thread-safe.
 */
public final class ScheduleRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRunner.class);

    private final ExecutorService posts;
    private final Thread clock;
    private final ScheduledPosts schedules;

    /** Starts the schedules that {@code build} makes around the pool the posts run on. */
    public ScheduleRunner(Function<ExecutorService, ScheduledPosts> build) {
        AtomicInteger count = new AtomicInteger();
        this.posts = Executors.newCachedThreadPool(job -> {
            Thread thread = new Thread(job, "topgif-scheduled-post-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.schedules = build.apply(posts);
        this.clock = new Thread(() -> {
            try {
                schedules.runUntil(Instant.MAX);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        }, "topgif-schedule");
        clock.setDaemon(true);
        schedules.checkChannels();
        clock.start();
    }

    public ScheduledPosts schedules() {
        return schedules;
    }

    /** Stops timing new slots and gives posts under way up to {@code grace} to finish. */
    public void stop(Duration grace) throws InterruptedException {
        clock.interrupt();
        posts.shutdown();
        if (!posts.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("scheduled posts still under way after {} s; their slots will not be retried by this run",
                    grace.toSeconds());
            posts.shutdownNow();
        }
    }

    @Override
    public void close() {
        clock.interrupt();
        posts.shutdownNow();
    }
}
