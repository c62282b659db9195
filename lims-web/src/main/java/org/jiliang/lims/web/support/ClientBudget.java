package org.jiliang.lims.web.support;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A token bucket per client address: {@code burst} requests at once, then one more every {@code interval}.
 * Bounded: the least recently seen addresses are forgotten first (a forgotten address starts with a full bucket).
 */
final class ClientBudget {

    private record Bucket(double tokens, Instant at) {
    }

    private final int burst;
    private final Duration interval;
    private final Map<String, Bucket> buckets;

    ClientBudget(int burst, Duration interval, int maxClients) {
        this.burst = burst;
        this.interval = interval;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxClients;
            }
        };
    }

    /** Takes one request from the client's budget; empty if allowed, else how long until the next one is. */
    synchronized Optional<Duration> take(String client, Instant now) {
        Bucket b = buckets.get(client);
        double tokens = burst;
        if (b != null) {
            double refilled = (double) Duration.between(b.at(), now).toNanos() / interval.toNanos();
            tokens = Math.min(burst, b.tokens() + Math.max(0, refilled));
        }
        if (tokens >= 1) {
            buckets.put(client, new Bucket(tokens - 1, now));
            return Optional.empty();
        }
        buckets.put(client, new Bucket(tokens, now));
        return Optional.of(Duration.ofNanos((long) ((1 - tokens) * interval.toNanos())));
    }
}
