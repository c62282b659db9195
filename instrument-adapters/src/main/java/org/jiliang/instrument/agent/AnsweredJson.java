package org.jiliang.instrument.agent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.jiliang.instrument.reading.Answered;

/**
 * What a frame answers as the {@code answers} object of the frames contract (docs/bench-agent.md §4), also kept
 * in the journal: {@code command}, and only when they say something {@code setting}, {@code deviceErrors} and
 * {@code late}.
 */
final class AnsweredJson {

    private AnsweredJson() {
    }

    static JsonObject toJson(Answered answered) {
        JsonObject json = new JsonObject();
        json.put("command", answered.command());
        if (answered.setting() != null) {
            json.put("setting", answered.setting());
        }
        if (!answered.deviceErrors().isEmpty()) {
            json.put("deviceErrors", new JsonArray(answered.deviceErrors()));
        }
        if (answered.late()) {
            json.put("late", true);
        }
        return json;
    }

    /** @throws IllegalArgumentException if the object is not such an answer */
    static Answered fromJson(Map<?, ?> json) {
        Object command = json.get("command");
        Object setting = json.get("setting");
        Object errors = json.get("deviceErrors");
        Object late = json.get("late");
        if (!(command instanceof String) || (setting != null && !(setting instanceof String))
                || (errors != null && !(errors instanceof Collection<?>)) || (late != null && !(late instanceof Boolean))) {
            throw new IllegalArgumentException("not an answer: " + json);
        }
        List<String> entries = new ArrayList<>();
        if (errors != null) {
            for (Object entry : (Collection<?>) errors) {
                if (!(entry instanceof String text)) {
                    throw new IllegalArgumentException("a device error must be text: " + entry);
                }
                entries.add(text);
            }
        }
        return new Answered((String) command, (String) setting, entries, Boolean.TRUE.equals(late));
    }
}
