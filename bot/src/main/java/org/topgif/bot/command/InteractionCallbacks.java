package org.topgif.bot.command;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends an interaction's one callback, a deferral or an ephemeral reply, and retries it after a 5xx or a
 * dropped connection for as long as Discord's 3 s window lasts. Thread-safe; callers are never blocked.
 *
 * <p>Why not JDA's {@code deferReply()}: JDA never retries a 500, a failed callback marks the interaction as
 * acknowledged so it cannot be sent again, and it fails every request queued on the interaction's hook. This
 * posts the callback itself, with JDA's HTTP client; the reply is then edited through
 * {@code InteractionHook.from(jda, token)}, which needs no callback of JDA's.
 */
public final class InteractionCallbacks {

    /** Discord's time to acknowledge an interaction. */
    static final Duration WINDOW = Duration.ofSeconds(3);
    /** Discord's code for a callback it already has: an earlier attempt was stored but its answer lost. */
    static final int ALREADY_ACKNOWLEDGED = 40060;
    private static final MediaType JSON = MediaType.get("application/json");
    private static final long FIRST_PAUSE_MILLIS = 100;

    private final OkHttpClient http;
    private final String restUrl;
    private final ScheduledExecutorService retries;
    private final LongSupplier wallMillis;

    /**
     * @param restUrl    Discord's REST API, ending with a slash
     * @param retries    runs the pauses between attempts; owned by the caller
     * @param wallMillis the current time, to judge an interaction's age from its id
     */
    public InteractionCallbacks(OkHttpClient http, String restUrl, ScheduledExecutorService retries,
                                LongSupplier wallMillis) {
        this.http = http;
        this.restUrl = restUrl;
        this.retries = retries;
        this.wallMillis = wallMillis;
    }

    /** What became of a callback: sent, or why not, in words for a log line. */
    public record Outcome(boolean sent, int attempts, String failure) {
    }

    /** Acknowledges the interaction, showing "thinking…" until its reply is edited. */
    public CompletableFuture<Outcome> defer(long interactionId, String token, Instant created) {
        return send(interactionId, token, created, DataObject.empty().put("type", 5));
    }

    /** Acknowledges a button's click: its message stays as it is until it is edited. */
    public CompletableFuture<Outcome> deferUpdate(long interactionId, String token, Instant created) {
        return send(interactionId, token, created, DataObject.empty().put("type", 6));
    }

    /** Answers with a message only the user sees; nothing in it can mention anyone. */
    public CompletableFuture<Outcome> replyEphemeral(long interactionId, String token, Instant created, String text) {
        DataObject data = DataObject.empty().put("content", text).put("flags", 64)
                .put("allowed_mentions", DataObject.empty().put("parse", DataArray.empty()));
        return send(interactionId, token, created, DataObject.empty().put("type", 4).put("data", data));
    }

    private CompletableFuture<Outcome> send(long interactionId, String token, Instant created, DataObject body) {
        long windowMillis = Math.max(1000, Math.min(WINDOW.toMillis(),
                created.toEpochMilli() + WINDOW.toMillis() - wallMillis.getAsLong()));
        Attempts attempts = new Attempts(new Request.Builder()
                .url(restUrl + "interactions/" + interactionId + "/" + token + "/callback")
                .post(RequestBody.create(body.toJson(), JSON))
                .build(), System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(windowMillis));
        attempts.next();
        return attempts.outcome;
    }

    /** One callback's attempts; its fields are touched by one attempt's thread at a time. */
    private final class Attempts implements Callback {
        final Request request;
        final long deadlineNanos;
        final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        int count;
        long pauseMillis = FIRST_PAUSE_MILLIS;

        Attempts(Request request, long deadlineNanos) {
            this.request = request;
            this.deadlineNanos = deadlineNanos;
        }

        void next() {
            long left = deadlineNanos - System.nanoTime();
            count++;
            Call call = http.newCall(request);
            call.timeout().timeout(Math.max(1, left), TimeUnit.NANOSECONDS);
            call.enqueue(this);
        }

        @Override
        public void onResponse(Call call, Response response) {
            try (response) {
                if (response.isSuccessful()) {
                    outcome.complete(new Outcome(true, count, ""));
                } else if (response.code() == 400 && alreadyAcknowledged(response)) {
                    outcome.complete(new Outcome(true, count, ""));
                } else if (response.code() >= 500) {
                    retryOrGiveUp("HTTP " + response.code());
                } else {
                    outcome.complete(new Outcome(false, count, "HTTP " + response.code()));
                }
            }
        }

        @Override
        public void onFailure(Call call, IOException failed) {
            retryOrGiveUp(failed.getClass().getSimpleName());
        }

        private void retryOrGiveUp(String failure) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= TimeUnit.MILLISECONDS.toNanos(pauseMillis)) {
                outcome.complete(new Outcome(false, count, failure));
                return;
            }
            long pause = pauseMillis;
            pauseMillis *= 2;
            try {
                retries.schedule(this::next, pause, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                outcome.complete(new Outcome(false, count, failure + ", then the bot stopped"));
            }
        }

        private boolean alreadyAcknowledged(Response response) {
            try {
                return DataObject.fromJson(response.body().bytes()).getInt("code", 0) == ALREADY_ACKNOWLEDGED;
            } catch (IOException | RuntimeException unreadable) {
                return false;
            }
        }
    }
}
