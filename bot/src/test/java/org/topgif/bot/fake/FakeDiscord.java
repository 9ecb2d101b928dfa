package org.topgif.bot.fake;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * A protocol-level stand-in for Discord on 127.0.0.1: the REST routes JDA uses and a gateway WebSocket.
 * It records every request and uploaded file, and answers chosen requests with a 429 or a 500.
 * Thread-safe: JDA calls it from many threads. Test code.
 */
public final class FakeDiscord implements AutoCloseable {

    private static final String API = "/api/v10/";

    private final Snowflakes ids = new Snowflakes();
    private final long applicationId = ids.next();
    private final List<Long> guildIds;
    private final Map<Long, Long> channelByGuild = new HashMap<>();
    private final HttpServer rest;
    private final ExecutorService restThreads = Executors.newFixedThreadPool(16);
    private final FakeGateway gateway;
    private final FakePayloads payloads;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<PlannedFailure> failures = new CopyOnWriteArrayList<>();
    private final Map<String, DataArray> commandsByScope = new ConcurrentHashMap<>();
    private final Map<Long, Long> interactionReceived = new ConcurrentHashMap<>();
    /** Channel messages as Discord stored them, with the request that made each; guarded by this. */
    private final Map<Long, List<RecordedRequest>> storedByChannel = new HashMap<>();
    private final Map<String, DataObject> messageByNonce = new HashMap<>();
    /** Edits of channel messages that Discord took; guarded by this. */
    private final Map<Long, List<RecordedRequest>> editsByChannel = new HashMap<>();
    /** Channel messages as Discord returns them on reading the channel, oldest first; guarded by this. */
    private final Map<Long, List<DataObject>> messagesByChannel = new HashMap<>();
    /** What stamps channel messages' timestamps: the system's, or the clock a test moves; guarded by this. */
    private java.time.Clock clock = java.time.Clock.systemUTC();
    private final Map<Long, int[]> deniedChannels = new ConcurrentHashMap<>();
    private final List<String> failingNonces = new CopyOnWriteArrayList<>();
    /** Requests whose answer is held back, by method and path pattern, with how long. */
    private final Map<String, Duration> slowAnswers = new ConcurrentHashMap<>();
    private int storeThenFail;

    /** A failure to answer with, to requests that match, a number of times. */
    private static final class PlannedFailure {
        final String method;
        final Pattern path;
        final boolean uploadsOnly;
        final int status;
        final Duration retryAfter;
        int remaining;

        PlannedFailure(String method, Pattern path, boolean uploadsOnly, int status, Duration retryAfter, int times) {
            this.method = method;
            this.path = path;
            this.uploadsOnly = uploadsOnly;
            this.status = status;
            this.retryAfter = retryAfter;
            this.remaining = times;
        }
    }

    public FakeDiscord(int guilds) throws IOException {
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < guilds; i++) {
            long guild = ids.next();
            made.add(guild);
            channelByGuild.put(guild, ids.next());
        }
        this.guildIds = List.copyOf(made);
        this.rest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        rest.createContext("/", this::handle);
        rest.setExecutor(restThreads);
        rest.start();
        this.payloads = new FakePayloads(ids, applicationId, channelByGuild);
        this.gateway = new FakeGateway(url -> payloads.ready(guildIds, url),
                () -> payloads.guilds(guildIds));
    }

    public String restUrl() {
        return "http://127.0.0.1:" + rest.getAddress().getPort() + API;
    }

    public String gatewayUrl() {
        return gateway.url();
    }

    public List<Long> guildIds() {
        return guildIds;
    }

    public long applicationId() {
        return applicationId;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<RecordedRequest> requests(Predicate<RecordedRequest> which) {
        return requests.stream().filter(which).toList();
    }

    /** Commands registered in a guild ("guild:ID") or globally ("global"). */
    public DataArray commands(String scope) {
        return commandsByScope.getOrDefault(scope, DataArray.empty());
    }

    FakeGateway gateway() {
        return gateway;
    }

    /** The next {@code times} requests matching get {@code status}; 429s carry Retry-After and Via. */
    public void fail(String method, String pathRegex, int status, Duration retryAfter, int times) {
        failures.add(new PlannedFailure(method, Pattern.compile(pathRegex), false, status, retryAfter, times));
    }

    /** Requests matching are recorded at once but answered only after {@code delay}, as a Discord under load. */
    public void answerSlowly(String method, String pathRegex, Duration delay) {
        slowAnswers.put(method + " " + pathRegex, delay);
    }

    /** Like {@link #fail}, for requests that upload a file only. */
    public void failUploads(int status, Duration retryAfter, int times) {
        failures.add(new PlannedFailure("PATCH", Pattern.compile(".*"), true, status, retryAfter, times));
    }

    /** The text channel of a guild. */
    public long channelOf(long guild) {
        return channelByGuild.get(guild);
    }

    /** Posts to this channel are answered with {@code status} and Discord's error {@code code} (50013, 10003…). */
    public void denyChannel(long channel, int status, int code) {
        deniedChannels.put(channel, new int[] {status, code});
    }

    /** Every post carrying this nonce is answered 500, and not stored. */
    public void failNonce(String nonce) {
        failingNonces.add(nonce);
    }

    /** The next {@code times} channel messages are stored, then answered 500, as Discord sometimes does. */
    public synchronized void storeThenFail(int times) {
        storeThenFail = times;
    }

    /**
     * Forgets every nonce, as Discord does a few minutes after a message: a post with the same nonce makes a
     * second message from now on.
     */
    public synchronized void forgetNonces() {
        messageByNonce.clear();
    }

    /** Stamps channel messages with {@code clock}'s time from now on, so a test can read when they were made. */
    public synchronized void stampWith(java.time.Clock clock) {
        this.clock = clock;
    }

    /** A message from a member, not the bot, with an attachment of that name, as anyone may post. */
    public synchronized void postAsMember(long channel, String fileName) {
        DataObject sent = DataObject.empty().put("content", "look")
                .put("attachments", DataArray.empty().add(DataObject.empty().put("id", 0).put("filename", fileName)));
        DataObject message = payloads.message(channel, sent, clock.instant());
        message.put("author", payloads.member()).remove("webhook_id");
        messagesByChannel.computeIfAbsent(channel, id -> new ArrayList<>()).add(message);
    }

    /** A message of the bot's with an attachment of that name, as an earlier run of it may have left; its id. */
    public synchronized String postAsBot(long channel, String fileName) {
        DataObject sent = DataObject.empty().put("content", "earlier")
                .put("attachments", DataArray.empty().add(DataObject.empty().put("id", 0).put("filename", fileName)));
        DataObject message = payloads.message(channel, sent, clock.instant());
        message.remove("webhook_id");
        messagesByChannel.computeIfAbsent(channel, id -> new ArrayList<>()).add(message);
        return message.getString("id");
    }

    /** A channel's messages as Discord would list them, oldest first. */
    public synchronized List<DataObject> channelMessages(long channel) {
        return List.copyOf(messagesByChannel.getOrDefault(channel, List.of()));
    }

    /** The edits Discord took of a channel's messages, oldest first, each as its request. */
    public synchronized List<RecordedRequest> editsOf(long channel) {
        return List.copyOf(editsByChannel.getOrDefault(channel, List.of()));
    }

    /** Deletes a channel message, as a member with Manage Messages may. */
    public synchronized void deleteAsMember(long channel, String messageId) {
        messagesByChannel.getOrDefault(channel, new ArrayList<>())
                .removeIf(message -> message.getString("id").equals(messageId));
    }

    /** The messages stored in a channel, oldest first, each as the request that created it. */
    public synchronized List<RecordedRequest> storedMessages(long channel) {
        return List.copyOf(storedByChannel.getOrDefault(channel, List.of()));
    }

    /**
     * A member of {@code guild} clicks the button {@code customId} under the message that {@code answer} (an
     * edit of an interaction's reply) made.
     */
    public Interaction click(long guild, RecordedRequest answer, String customId) throws IOException {
        long id = ids.next();
        String token = "interaction-token-" + id;
        DataObject message = payloads.message(channelByGuild.get(guild), answer.json().orElseThrow());
        gateway.dispatch("INTERACTION_CREATE", payloads.click(id, token, guild, channelByGuild.get(guild), message,
                customId));
        return new Interaction(id, token, guild);
    }

    /** A member of {@code guild} chooses {@code value} in the menu {@code customId} under {@code answer}'s message. */
    public Interaction choose(long guild, RecordedRequest answer, String customId, String value) throws IOException {
        long id = ids.next();
        String token = "interaction-token-" + id;
        DataObject message = payloads.message(channelByGuild.get(guild), answer.json().orElseThrow());
        gateway.dispatch("INTERACTION_CREATE", payloads.choose(id, token, guild, channelByGuild.get(guild), message,
                customId, value));
        return new Interaction(id, token, guild);
    }

    /** Sends /top from a member of {@code guild}, as Discord does, and returns the interaction's token. */
    public Interaction sendTop(long guild, Map<String, Object> options) throws IOException {
        return sendCommand(guild, "top", options);
    }

    /** Sends the slash command {@code name} from a member of {@code guild}. */
    public Interaction sendCommand(long guild, String name, Map<String, Object> options) throws IOException {
        long id = ids.next();
        String token = "interaction-token-" + id;
        DataArray optionArray = DataArray.empty();
        options.forEach((option, value) -> optionArray.add(DataObject.empty().put("name", option)
                .put("type", value instanceof Number ? 4 : value instanceof Boolean ? 5 : 3).put("value", value)));
        DataObject interaction = payloads.interaction(id, token, guild, channelByGuild.get(guild),
                commandId(guild, name), name, optionArray);
        interactionReceived.put(id, System.nanoTime());
        gateway.dispatch("INTERACTION_CREATE", interaction);
        return new Interaction(id, token, guild);
    }

    /** Sends what Discord sends while a member types {@code typed} into {@code focused}, an autocomplete option. */
    public Interaction sendAutocomplete(long guild, String name, String focused, String typed) throws IOException {
        long id = ids.next();
        String token = "interaction-token-" + id;
        DataArray optionArray = DataArray.empty().add(DataObject.empty().put("name", focused).put("type", 3)
                .put("value", typed).put("focused", true));
        gateway.dispatch("INTERACTION_CREATE", payloads.interaction(id, token, guild, channelByGuild.get(guild),
                commandId(guild, name), name, optionArray, 4));
        return new Interaction(id, token, guild);
    }

    /** An interaction the fake sent: what identifies its requests. */
    public record Interaction(long id, String token, long guild) {
    }

    /** When the fake sent this interaction, by System.nanoTime. */
    public long sentNanos(Interaction interaction) {
        return interactionReceived.get(interaction.id());
    }

    public void dropGateway() throws IOException {
        gateway.drop();
    }

    public int gatewayConnections() {
        return gateway.connectionsMade();
    }

    public List<Integer> gatewayOps() {
        return gateway.opsReceived();
    }

    private long commandId(long guild, String name) {
        for (String scope : List.of("guild:" + guild, "global")) {
            DataArray commands = commands(scope);
            for (int i = 0; i < commands.length(); i++) {
                if (commands.getObject(i).getString("name").equals(name)) {
                    return commands.getObject(i).getLong("id");
                }
            }
        }
        return 1;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long received = System.nanoTime();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            path = path.startsWith(API) ? path.substring(API.length()) : path;
            String query = Optional.ofNullable(exchange.getRequestURI().getQuery()).orElse("");
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            Optional<DataObject> json = Optional.empty();
            Optional<byte[]> file = Optional.empty();
            Optional<String> fileName = Optional.empty();
            String contentType = headers.getOrDefault("content-type", "");
            if (contentType.startsWith("multipart/form-data")) {
                Map<String, Multipart.Part> parts = Multipart.parse(body, contentType);
                if (parts.containsKey("payload_json")) {
                    json = Optional.of(DataObject.fromJson(parts.get("payload_json").content()));
                }
                Multipart.Part first = parts.get("files[0]");
                if (first != null) {
                    file = Optional.of(first.content());
                    fileName = Optional.ofNullable(first.fileName());
                }
            } else if (body.length > 0 && contentType.contains("json")) {
                json = Optional.of(DataObject.fromJson(body));
            }

            PlannedFailure failure = takeFailure(method, path, file.isPresent());
            if (failure != null) {
                requests.add(new RecordedRequest(method, path, query, headers, json, file, fileName, received,
                        failure.status));
                if (failure.status == 429) {
                    // Via marks an ordinary rate limit; without it JDA suspects a Cloudflare ban.
                    exchange.getResponseHeaders().add("Via", "1.1 google");
                    exchange.getResponseHeaders().add("Retry-After", Long.toString(failure.retryAfter.toSeconds()));
                    respond(exchange, 429, DataObject.empty().put("message", "You are being rate limited.")
                            .put("retry_after", failure.retryAfter.toMillis() / 1000.0).put("global", false));
                } else {
                    respond(exchange, failure.status, DataObject.empty().put("message", "500: Internal Server Error")
                            .put("code", 0));
                }
                return;
            }
            if (method.equals("POST") && path.matches("channels/\\d+/messages")) {
                RecordedRequest[] recorded = new RecordedRequest[1];
                String messagePath = path;
                Optional<DataObject> payload = json;
                Optional<byte[]> upload = file;
                Optional<String> uploadName = fileName;
                Answer answer = channelMessage(Long.parseLong(path.split("/")[1]), json.orElse(DataObject.empty()),
                        status -> recorded[0] = new RecordedRequest(method, messagePath, query, headers, payload,
                                upload, uploadName, received, status));
                requests.add(recorded[0]);
                respond(exchange, answer.status, answer.body);
                return;
            }
            if ((method.equals("PATCH") || method.equals("DELETE")) && path.matches("channels/\\d+/messages/\\d+")) {
                String[] parts = path.split("/");
                RecordedRequest[] recorded = new RecordedRequest[1];
                String messagePath = path;
                Optional<DataObject> payload = json;
                Optional<byte[]> upload = file;
                Optional<String> uploadName = fileName;
                java.util.function.IntFunction<RecordedRequest> record = status -> recorded[0] = new RecordedRequest(
                        method, messagePath, query, headers, payload, upload, uploadName, received, status);
                Answer answer = method.equals("PATCH")
                        ? editMessage(Long.parseLong(parts[1]), parts[3], json.orElse(DataObject.empty()), record)
                        : deleteMessage(Long.parseLong(parts[1]), parts[3], record);
                requests.add(recorded[0]);
                if (answer.status == 204) {
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    respond(exchange, answer.status, answer.body);
                }
                return;
            }
            if (method.equals("GET") && path.matches("channels/\\d+/messages")) {
                Answer answer = channelMessages(Long.parseLong(path.split("/")[1]), query);
                requests.add(new RecordedRequest(method, path, query, headers, json, file, fileName, received,
                        answer.status));
                respond(exchange, answer.status, answer.body);
                return;
            }
            Answer answer = route(method, path, json);
            requests.add(new RecordedRequest(method, path, query, headers, json, file, fileName, received,
                    answer.status));
            holdBack(method, path);
            respond(exchange, answer.status, answer.body);
        }
    }

    /**
     * A message to a channel, as Discord takes it: refused for a denied channel; with {@code enforce_nonce}, the
     * message already made with the same nonce is returned instead of a second one.
     *
     * @param record makes the request's record once its status is known
     */
    private synchronized Answer channelMessage(long channel, DataObject payload,
                                               java.util.function.IntFunction<RecordedRequest> record) {
        int[] denied = deniedChannels.get(channel);
        if (denied != null) {
            record.apply(denied[0]);
            return new Answer(denied[0], DataObject.empty().put("message", denied[1] == 10003 ? "Unknown Channel"
                    : denied[1] == 50001 ? "Missing Access" : "Missing Permissions").put("code", denied[1]));
        }
        String nonce = payload.getString("nonce", null);
        if (nonce != null && failingNonces.contains(nonce)) {
            record.apply(500);
            return new Answer(500, DataObject.empty().put("message", "500: Internal Server Error").put("code", 0));
        }
        String key = channel + "/" + nonce;
        if (nonce != null && payload.getBoolean("enforce_nonce", false) && messageByNonce.containsKey(key)) {
            record.apply(200);
            return new Answer(200, messageByNonce.get(key));
        }
        DataObject message = payloads.message(channel, payload, clock.instant());
        // A bot's own channel message, unlike an interaction's reply, comes from no webhook.
        message.remove("webhook_id");
        messagesByChannel.computeIfAbsent(channel, id -> new ArrayList<>()).add(message);
        if (nonce != null) {
            messageByNonce.put(key, message);
        }
        boolean fail = storeThenFail > 0;
        if (fail) {
            storeThenFail--;
        }
        RecordedRequest request = record.apply(fail ? 500 : 200);
        storedByChannel.computeIfAbsent(channel, id -> new ArrayList<>()).add(request);
        return fail ? new Answer(500, DataObject.empty().put("message", "500: Internal Server Error").put("code", 0))
                : new Answer(200, message);
    }

    /**
     * An edit of a channel message, as Discord takes it: its content and attachments replaced (the files sent
     * with the edit become its attachments; an attachment left out is gone), its id kept; 404 Unknown Message
     * when it was deleted.
     */
    private synchronized Answer editMessage(long channel, String id, DataObject payload,
                                            java.util.function.IntFunction<RecordedRequest> record) {
        List<DataObject> messages = messagesByChannel.getOrDefault(channel, List.of());
        for (int i = 0; i < messages.size(); i++) {
            DataObject old = messages.get(i);
            if (old.getString("id").equals(id)) {
                // An edit without attachments keeps the message's; the request's payload stays as it was sent.
                DataObject edited = payloads.message(channel, payload.hasKey("attachments") ? payload
                        : DataObject.fromJson(payload.toJson()).put("attachments", old.getArray("attachments")),
                        java.time.Instant.parse(old.getString("timestamp")));
                edited.put("id", id).put("author", old.getObject("author"))
                        .put("edited_timestamp", clock.instant().atOffset(java.time.ZoneOffset.UTC).toString())
                        .remove("webhook_id");
                if (!payload.hasKey("content")) {
                    edited.put("content", old.getString("content"));
                }
                messages.set(i, edited);
                RecordedRequest request = record.apply(200);
                editsByChannel.computeIfAbsent(channel, key -> new ArrayList<>()).add(request);
                return new Answer(200, edited);
            }
        }
        record.apply(404);
        return new Answer(404, DataObject.empty().put("message", "Unknown Message").put("code", 10008));
    }

    private synchronized Answer deleteMessage(long channel, String id,
                                              java.util.function.IntFunction<RecordedRequest> record) {
        boolean removed = messagesByChannel.getOrDefault(channel, new ArrayList<>())
                .removeIf(message -> message.getString("id").equals(id));
        record.apply(removed ? 204 : 404);
        return removed ? new Answer(204, DataObject.empty())
                : new Answer(404, DataObject.empty().put("message", "Unknown Message").put("code", 10008));
    }

    /**
     * A channel's messages as Discord lists them: with {@code after}, the {@code limit} (1-100, 50 by default)
     * oldest messages whose id is greater; with {@code before}, the newest whose id is smaller; without
     * either, the newest; newest first.
     */
    private synchronized Answer channelMessages(long channel, String query) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        int limit = Integer.parseInt(parameters.getOrDefault("limit", "50"));
        if (limit < 1 || limit > 100) {
            return new Answer(400, DataObject.empty().put("message", "Invalid Form Body").put("code", 50035));
        }
        List<DataObject> all = messagesByChannel.getOrDefault(channel, List.of());
        List<DataObject> chosen;
        if (parameters.containsKey("after")) {
            long after = Long.parseUnsignedLong(parameters.get("after"));
            chosen = all.stream().filter(m -> Long.parseUnsignedLong(m.getString("id")) > after).limit(limit).toList();
        } else if (parameters.containsKey("before")) {
            long before = Long.parseUnsignedLong(parameters.get("before"));
            List<DataObject> older = all.stream().filter(m -> Long.parseUnsignedLong(m.getString("id")) < before)
                    .toList();
            chosen = older.subList(Math.max(0, older.size() - limit), older.size());
        } else {
            chosen = all.subList(Math.max(0, all.size() - limit), all.size());
        }
        DataArray newestFirst = DataArray.empty();
        for (int i = chosen.size() - 1; i >= 0; i--) {
            newestFirst.add(chosen.get(i));
        }
        return new Answer(200, newestFirst);
    }

    private synchronized PlannedFailure takeFailure(String method, String path, boolean upload) {
        for (PlannedFailure failure : failures) {
            if (failure.remaining > 0 && failure.method.equals(method) && failure.path.matcher(path).matches()
                    && (upload || !failure.uploadsOnly)) {
                failure.remaining--;
                return failure;
            }
        }
        return null;
    }

    private record Answer(int status, Object body) {
    }

    private Answer route(String method, String path, Optional<DataObject> json) {
        String[] parts = path.split("/");
        if (method.equals("GET") && path.equals("users/@me")) {
            return new Answer(200, payloads.botUser());
        }
        if (method.equals("GET") && path.equals("gateway/bot")) {
            return new Answer(200, DataObject.empty().put("url", gateway.url()).put("shards", 1)
                    .put("session_start_limit", DataObject.empty().put("total", 1000).put("remaining", 1000)
                            .put("reset_after", 0).put("max_concurrency", 1)));
        }
        if (path.startsWith("applications/") && path.endsWith("/commands")) {
            String scope = parts.length == 5 ? "guild:" + parts[3] : "global";
            if (method.equals("GET")) {
                return new Answer(200, commands(scope));
            }
            if (method.equals("POST") && json.isPresent()) {
                DataObject command = json.get().put("id", Long.toString(ids.next()))
                        .put("application_id", Long.toString(applicationId)).put("version", Long.toString(ids.next()));
                if (scope.startsWith("guild:")) {
                    command.put("guild_id", scope.substring("guild:".length()));
                }
                // An upsert replaces the command of that name in place, or adds it, and keeps the others.
                DataArray kept = DataArray.empty();
                DataArray before = commands(scope);
                boolean replaced = false;
                for (int i = 0; i < before.length(); i++) {
                    boolean same = before.getObject(i).getString("name").equals(command.getString("name"));
                    kept.add(same ? command : before.getObject(i));
                    replaced |= same;
                }
                if (!replaced) {
                    kept.add(command);
                }
                commandsByScope.put(scope, kept);
                return new Answer(201, command);
            }
        }
        if (method.equals("POST") && path.startsWith("interactions/") && path.endsWith("/callback")) {
            int type = json.map(j -> j.getInt("type", 0)).orElse(0);
            boolean ephemeral = json.flatMap(j -> j.optObject("data")).map(d -> (d.getInt("flags", 0) & 64) != 0)
                    .orElse(false);
            DataObject interaction = DataObject.empty().put("id", parts[1]).put("type", 2)
                    .put("response_message_id", Long.toString(ids.next()))
                    .put("response_message_loading", type == 5).put("response_message_ephemeral", ephemeral);
            DataObject resource = DataObject.empty().put("type", type);
            if (type == 4 || type == 5) {
                resource.put("message", payloads.message(0, json.flatMap(j -> j.optObject("data")).orElse(DataObject.empty())));
            }
            return new Answer(200, DataObject.empty().put("interaction", interaction).put("resource", resource));
        }
        if (path.startsWith("webhooks/")) {
            return new Answer(200, payloads.message(0, json.orElse(DataObject.empty())));
        }
        return new Answer(404, DataObject.empty().put("message", "404: Not Found").put("code", 0));
    }

    private void holdBack(String method, String path) {
        for (Map.Entry<String, Duration> slow : slowAnswers.entrySet()) {
            String[] methodAndPath = slow.getKey().split(" ", 2);
            if (methodAndPath[0].equals(method) && path.matches(methodAndPath[1])) {
                try {
                    Thread.sleep(slow.getValue().toMillis());
                } catch (InterruptedException closing) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = body instanceof DataObject object ? object.toJson()
                : body instanceof DataArray array ? array.toJson()
                : String.valueOf(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() throws IOException {
        gateway.close();
        rest.stop(0);
        restThreads.shutdownNow();
    }
}
