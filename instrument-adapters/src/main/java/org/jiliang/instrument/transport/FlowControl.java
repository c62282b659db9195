package org.jiliang.instrument.transport;

import java.util.Locale;
import java.util.Objects;

import com.fazecast.jSerialComm.SerialPort;

/** Flow control of a serial port. Most bench devices use none; some printers' and indicators' ports need RTS/CTS. */
public enum FlowControl {
    NONE("none", SerialPort.FLOW_CONTROL_DISABLED),
    RTS_CTS("rts-cts", SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED),
    XON_XOFF("xon-xoff", SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED);

    private final String text;
    private final int jSerialCommCode;

    FlowControl(String text, int jSerialCommCode) {
        this.text = text;
        this.jSerialCommCode = jSerialCommCode;
    }

    public String text() {
        return text;
    }

    int jSerialCommCode() {
        return jSerialCommCode;
    }

    /** {@code none}, {@code rts-cts} or {@code xon-xoff}, any case. */
    public static FlowControl parse(String text) {
        String t = Objects.requireNonNull(text, "flowControl").trim().toLowerCase(Locale.ROOT);
        for (FlowControl flow : values()) {
            if (flow.text.equals(t)) {
                return flow;
            }
        }
        throw new IllegalArgumentException("flow control must be none, rts-cts or xon-xoff: '" + text + "'");
    }
}
