package org.jiliang.lims.bench;

/**
 * Where and how a device sits on a serial port of the server: the port's path (e.g.
 * {@code /dev/ttyUSB0}, or a pty) and its line settings as the device's manual gives them.
 *
 * @param port        path of the port
 * @param baudRate    bits per second
 * @param dataBits    5 to 8
 * @param parity      none, odd, even, mark or space
 * @param stopBits    1, 1.5 or 2
 * @param flowControl none, rts-cts or xon-xoff
 */
public record SerialLine(String port, int baudRate, int dataBits, String parity, String stopBits, String flowControl) {

    /** As manuals write it, e.g. {@code 9600 N 8 1}, plus the flow control when there is one. */
    public String settings() {
        return baudRate + " " + Character.toUpperCase(parity.charAt(0)) + " " + dataBits + " " + stopBits
                + ("none".equals(flowControl) ? "" : " " + flowControl);
    }
}
