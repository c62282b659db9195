package org.jiliang.lims.bench;

import java.util.Map;

/**
 * The live reading streams open now ({@code open}, and per user), the limit per user, and how many
 * streams ended since the start because their client went away or stopped reading.
 */
public record LiveStreamsView(int open, int limitPerUser, Map<String, Long> openByUser, long endedByClients,
        long droppedAsStalled) {
}
