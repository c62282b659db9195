package org.jiliang.lims.bench;

import java.util.concurrent.CompletionStage;

/**
 * Where one subscriber's live readings go: in the web tier, a browser's server-sent event stream.
 * No method may block: a client that stops reading must hold up nobody but itself.
 */
public interface LiveReadingSink {

    /** Starts sending a reading; the stage completes once it is written, exceptionally if the client is gone. */
    CompletionStage<?> send(LiveReading reading);

    /** Starts sending something that carries no reading, so that a client that went away is noticed. */
    CompletionStage<?> heartbeat();

    boolean isClosed();

    void close();
}
