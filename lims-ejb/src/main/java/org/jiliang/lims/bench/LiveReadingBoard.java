package org.jiliang.lims.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The latest committed reading of every device, and the listeners that push it to browsers.
 * Only readings whose frame is safely stored appear here, so a captured reading always has
 * its original record.
 */
@ApplicationScoped
public class LiveReadingBoard {

    private static final Logger LOG = Logger.getLogger(LiveReadingBoard.class.getName());

    private final Map<String, LiveReading> latest = new ConcurrentHashMap<>();
    private final List<Consumer<LiveReading>> listeners = new CopyOnWriteArrayList<>();

    void onFrameRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) FrameRecorded event) {
        LiveReading reading = event.reading();
        // the newest stored frame wins, whichever transaction's after-commit step runs last
        latest.merge(reading.deviceCode(), reading, (old, neu) -> neu.frameId() >= old.frameId() ? neu : old);
        for (Consumer<LiveReading> listener : listeners) {
            try {
                listener.accept(reading);
            } catch (RuntimeException e) {
                // A browser that went away must not stop the others from getting readings.
                LOG.log(Level.FINE, "Live reading listener failed; removing it", e);
                listeners.remove(listener);
            }
        }
    }

    public Optional<LiveReading> latest(String deviceCode) {
        return Optional.ofNullable(latest.get(deviceCode));
    }

    public Runnable subscribe(Consumer<LiveReading> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
