package org.jiliang.lims.bench;

import org.jiliang.lims.platform.RefusedException;

/** A user asked for one more live reading stream than {@link LiveReadingService#STREAMS_PER_USER}: the API answers 429. */
public class TooManyLiveStreamsException extends RefusedException {

    public TooManyLiveStreamsException(int limit) {
        super("error.live.tooManyStreams", limit);
    }
}
