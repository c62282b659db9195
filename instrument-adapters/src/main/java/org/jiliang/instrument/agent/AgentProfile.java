package org.jiliang.instrument.agent;

import java.util.Map;

import org.apache.camel.util.json.JsonObject;

/**
 * A device the agent reads, as the server describes it: protocol, how it is reached on this PC,
 * and {@code storedSequence}, the highest sequence the server already holds from this agent.
 */
public record AgentProfile(String code, String name, String protocol, String transport, String host, int port,
                           String serialPort, int baudRate, int dataBits, String parity, String stopBits, String mode,
                           String pollCommand, String startCommand, int pollIntervalMs, boolean enabled,
                           long storedSequence) {

    static AgentProfile fromJson(Map<?, ?> json) {
        JsonObject o = json instanceof JsonObject j ? j : new JsonObject(castMap(json));
        return new AgentProfile(o.getString("code"), o.getString("name"), o.getString("protocol"),
                o.getString("transport"), o.getString("host"), intOf(o, "port", 0), o.getString("serialPort"),
                intOf(o, "baudRate", 9600), intOf(o, "dataBits", 8), o.getStringOrDefault("parity", "none"),
                o.getStringOrDefault("stopBits", "1"), o.getStringOrDefault("mode", "poll"), o.getString("pollCommand"),
                o.getString("startCommand"), intOf(o, "pollIntervalMs", 500),
                !Boolean.FALSE.equals(o.getBoolean("enabled")), o.getLongOrDefault("storedSequence", 0L));
    }

    /** The {@code bench-device} endpoint that reads this device. */
    public String endpointUri() {
        StringBuilder uri = new StringBuilder("bench-device:").append(code).append("?protocol=").append(protocol)
                .append("&transport=").append(transport);
        if ("serial".equals(transport)) {
            uri.append("&serialPort=RAW(").append(serialPort).append(")&baudRate=").append(baudRate)
                    .append("&dataBits=").append(dataBits).append("&parity=").append(parity)
                    .append("&stopBits=").append(stopBits);
        } else {
            uri.append("&host=").append(host).append("&port=").append(port);
        }
        uri.append("&mode=").append(mode == null ? "poll" : mode);
        if (pollCommand != null && !pollCommand.isBlank()) {
            uri.append("&pollCommand=RAW(").append(pollCommand).append(')');
        }
        if (startCommand != null && !startCommand.isBlank()) {
            uri.append("&startCommand=RAW(").append(startCommand).append(')');
        }
        return uri.append("&pollInterval=").append(pollIntervalMs).toString();
    }

    private static int intOf(JsonObject o, String key, int fallback) {
        Integer value = o.getInteger(key);
        return value == null ? fallback : value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
