package org.jiliang.lims.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * A live reading stream opened as a browser's EventSource opens it, over a plain socket, so that a
 * test decides when to read, when to stop reading and when to hang up.
 */
final class LiveStream implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final InputStream body;
    private final int status;

    private LiveStream(Socket socket, InputStream in, InputStream body, int status) {
        this.socket = socket;
        this.in = in;
        this.body = body;
        this.status = status;
    }

    /** Opens {@code /api/v1/benches/<device>/live} as the user and reads the answer's head. */
    static LiveStream open(String user, String device) {
        return open(user, device, 0);
    }

    /** As {@link #open(String, String)}, with a small socket receive buffer when {@code receiveBuffer > 0}. */
    static LiveStream open(String user, String device, int receiveBuffer) {
        URI base = URI.create(LimsApi.BASE_URL);
        Socket socket = new Socket();
        try {
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer); // before connecting, so the window starts small
            }
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(10_000);
            String credentials = Base64.getEncoder()
                    .encodeToString((user + ":" + LimsApi.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
            String request = "GET " + base.getPath() + "/api/v1/benches/" + device + "/live HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Authorization: Basic " + credentials + "\r\n"
                    + "Accept: text/event-stream\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            boolean chunked = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String h = header.toLowerCase(Locale.ROOT);
                chunked |= h.startsWith("transfer-encoding:") && h.contains("chunked");
            }
            return new LiveStream(socket, in, chunked ? new Chunked(in) : in, status);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException(e);
        }
    }

    int status() {
        return status;
    }

    /** This end's port, by which the server's side of the connection can be found. */
    int localPort() {
        return socket.getLocalPort();
    }

    /** The data of the next {@code reading} event, skipping heartbeats. */
    JsonObject nextReading(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String event = "message";
        StringBuilder data = new StringBuilder();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("no reading within " + timeout);
            }
            socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
            String line = line(body);
            if (line.isEmpty()) {
                if ("reading".equals(event) && data.length() > 0) {
                    try (var reader = Json.createReader(new StringReader(data.toString()))) {
                        return reader.readObject();
                    }
                }
                event = "message";
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        }
    }

    /** Reads and drops whatever comes until the server closes the connection; false if it is still open then. */
    boolean drainUntilServerCloses(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[8192];
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
            try {
                if (in.read(buffer) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (SocketException e) {
                return true; // reset by the server: it let go of the connection too
            }
        }
    }

    /** Hangs up, as a browser does when its tab is closed. */
    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the server closed the stream");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // hanging up anyway
        }
    }

    /** HTTP/1.1 chunked transfer coding, as the server sends an event stream of unknown length. */
    private static final class Chunked extends InputStream {
        private final InputStream in;
        private long left;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (left == 0) {
                String size = line(in);
                if (size.isEmpty()) {
                    size = line(in); // the CR LF that ends the previous chunk
                }
                left = Long.parseLong(size.split(";")[0].strip(), 16);
                if (left == 0) {
                    return -1;
                }
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }
    }
}
