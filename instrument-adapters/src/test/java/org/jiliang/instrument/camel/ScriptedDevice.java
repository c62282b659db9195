package org.jiliang.instrument.camel;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.jiliang.instrument.transport.LineFramer;

/**
 * A TCP device on a free loopback port that answers each received line with whatever the script
 * returns (an empty string: no answer at all), for behaviour the balance simulator does not have.
 */
final class ScriptedDevice implements AutoCloseable {

    private final ServerSocket server;
    private final UnaryOperator<String> script;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "scripted-device");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionCount = new AtomicInteger();

    ScriptedDevice(UnaryOperator<String> script) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        threads.execute(this::accept);
    }

    static ScriptedDevice silent() throws IOException {
        return new ScriptedDevice(line -> "");
    }

    int port() {
        return server.getLocalPort();
    }

    /** How many connections were accepted so far. */
    int connectionCount() {
        return connectionCount.get();
    }

    private void accept() {
        try {
            while (true) {
                Socket socket = server.accept();
                connections.add(socket);
                connectionCount.incrementAndGet();
                threads.execute(() -> serve(socket));
            }
        } catch (IOException closed) {
            // The device was closed.
        }
    }

    private void serve(Socket socket) {
        LineFramer framer = new LineFramer(256);
        byte[] buffer = new byte[256];
        try (socket) {
            InputStream in = socket.getInputStream();
            int count;
            while ((count = in.read(buffer)) >= 0) {
                framer.feed(buffer, 0, count);
                for (Optional<byte[]> line = framer.nextFrame(); line.isPresent(); line = framer.nextFrame()) {
                    String answer = script.apply(new String(line.get(), StandardCharsets.US_ASCII).strip());
                    socket.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                }
            }
        } catch (IOException gone) {
            // The client went away.
        } finally {
            connections.remove(socket);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
        threads.shutdownNow();
    }
}
