package org.topgif.bot.fake;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * Discord's gateway on 127.0.0.1, speaking RFC 6455 WebSocket and the gateway's JSON protocol: HELLO,
 * IDENTIFY, READY, GUILD_CREATE, heartbeats, RESUME, and dispatches the test asks for. Test code.
 */
final class FakeGateway implements AutoCloseable {

    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final Thread acceptor;
    private final Function<String, DataObject> ready;
    private final Supplier<List<DataObject>> guilds;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final List<Integer> opsReceived = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile boolean closed;

    /** @param ready READY's payload, given this gateway's URL for resume_gateway_url */
    FakeGateway(Function<String, DataObject> ready, Supplier<List<DataObject>> guilds) throws IOException {
        this.ready = ready;
        this.guilds = guilds;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "fake-gateway-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "ws://127.0.0.1:" + server.getLocalPort();
    }

    /** Gateway opcodes the clients sent, in order. */
    List<Integer> opsReceived() {
        return List.copyOf(opsReceived);
    }

    int connectionsMade() {
        return connections.size();
    }

    /** Sends a dispatch (op 0) to the newest connection. */
    void dispatch(String type, DataObject data) throws IOException {
        current().send(DataObject.empty().put("op", 0).put("t", type).put("s", sequence.incrementAndGet())
                .put("d", data));
    }

    /** Drops the newest connection without a close frame, as a network failure would. */
    void drop() throws IOException {
        current().socket.close();
    }

    private Connection current() throws IOException {
        if (connections.isEmpty()) {
            throw new IOException("no client connected");
        }
        return connections.get(connections.size() - 1);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                Connection connection = new Connection(socket);
                connections.add(connection);
                Thread reader = new Thread(connection::serve, "fake-gateway-connection");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException stopped) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Connection connection : connections) {
            connection.socket.close();
        }
    }

    /** One client: the handshake, then frames in both directions. */
    private final class Connection {
        final Socket socket;
        private OutputStream out;

        Connection(Socket socket) {
            this.socket = socket;
        }

        void serve() {
            try {
                InputStream in = socket.getInputStream();
                out = socket.getOutputStream();
                handshake(in);
                send(DataObject.empty().put("op", 10).put("d", DataObject.empty().put("heartbeat_interval", 41250)));
                DataInputStream frames = new DataInputStream(in);
                while (true) {
                    String text = readMessage(frames);
                    if (text == null) {
                        return;
                    }
                    handle(DataObject.fromJson(text));
                }
            } catch (IOException gone) {
                // The client or the test closed the connection.
            }
        }

        private void handle(DataObject payload) throws IOException {
            int op = payload.getInt("op");
            opsReceived.add(op);
            switch (op) {
                case 1 -> send(DataObject.empty().put("op", 11));
                case 2 -> {
                    sendDispatch("READY", ready.apply(url()));
                    for (DataObject guild : guilds.get()) {
                        sendDispatch("GUILD_CREATE", guild);
                    }
                }
                case 6 -> sendDispatch("RESUMED", DataObject.empty());
                default -> { }
            }
        }

        private void sendDispatch(String type, DataObject data) throws IOException {
            send(DataObject.empty().put("op", 0).put("t", type).put("s", sequence.incrementAndGet()).put("d", data));
        }

        private void handshake(InputStream in) throws IOException {
            // Byte by byte up to the blank line, so that no frame bytes after it are read away.
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int c = in.read();
                if (c < 0) {
                    throw new IOException("closed during the handshake");
                }
                head.write(c);
                matched = (c == '\r' || c == '\n') && (matched % 2 == 0 ? c == '\r' : c == '\n') ? matched + 1 : 0;
            }
            String key = null;
            for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("sec-websocket-key:")) {
                    key = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            if (key == null) {
                throw new IOException("not a WebSocket handshake");
            }
            String accept;
            try {
                accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                        .digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.US_ASCII)));
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** One whole text message, reassembled from fragments; null on close. Answers pings. */
        private String readMessage(DataInputStream in) throws IOException {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            while (true) {
                int first = in.read();
                if (first < 0) {
                    return null;
                }
                int second = in.readUnsignedByte();
                boolean fin = (first & 0x80) != 0;
                int opcode = first & 0x0F;
                long length = second & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] mask = new byte[4];
                if ((second & 0x80) != 0) {
                    in.readFully(mask);
                }
                byte[] data = new byte[(int) length];
                in.readFully(data);
                for (int i = 0; i < data.length; i++) {
                    data[i] ^= mask[i % 4];
                }
                switch (opcode) {
                    case 0x8 -> {
                        writeFrame(0x8, data);
                        socket.close();
                        return null;
                    }
                    case 0x9 -> writeFrame(0xA, data);
                    case 0xA -> { }
                    default -> {
                        message.write(data);
                        if (fin) {
                            return message.toString(StandardCharsets.UTF_8);
                        }
                    }
                }
            }
        }

        synchronized void send(DataObject payload) throws IOException {
            writeFrame(0x1, payload.toJson());
        }

        private synchronized void writeFrame(int opcode, byte[] data) throws IOException {
            ByteArrayOutputStream frame = new ByteArrayOutputStream(data.length + 10);
            frame.write(0x80 | opcode);
            if (data.length < 126) {
                frame.write(data.length);
            } else if (data.length < 65536) {
                frame.write(126);
                frame.write(data.length >> 8);
                frame.write(data.length & 0xFF);
            } else {
                frame.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    frame.write((int) ((long) data.length >> shift) & 0xFF);
                }
            }
            frame.write(data);
            out.write(frame.toByteArray());
            out.flush();
        }
    }
}
