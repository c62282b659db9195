package org.jiliang.lims.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.CompletionStage;
import org.jiliang.lims.bench.LiveReading;
import org.jiliang.lims.bench.LiveReadingSink;

/**
 * A browser's live reading stream: each reading an event {@code reading} with the reading as JSON;
 * the heartbeat an SSE comment, which EventSource ignores. Once the resource method has returned,
 * RESTEasy writes events without blocking the caller; a write to a client that is gone fails the stage.
 */
final class LiveReadingStream implements LiveReadingSink {

    private final SseEventSink sink;
    private final Sse sse;

    LiveReadingStream(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
    }

    @Override
    public CompletionStage<?> send(LiveReading reading) {
        return sink.send(sse.newEventBuilder().name("reading").mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(LiveReading.class, reading).build());
    }

    @Override
    public CompletionStage<?> heartbeat() {
        return sink.send(sse.newEventBuilder().comment("heartbeat").build());
    }

    @Override
    public boolean isClosed() {
        return sink.isClosed();
    }

    @Override
    public void close() {
        sink.close();
    }
}
