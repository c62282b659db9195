package org.jiliang.instrument.transport;

import java.util.Locale;
import java.util.Objects;

import com.fazecast.jSerialComm.SerialPort;

/**
 * Line settings of a serial port: baud rate, data bits, parity, stop bits. No flow control: bench
 * devices answer a few bytes at a time.
 *
 * @param baudRate bits per second, e.g. 9600
 * @param dataBits 5 to 8
 * @param parity   parity bit
 * @param stopBits stop bits
 */
public record SerialSettings(int baudRate, int dataBits, Parity parity, StopBits stopBits) {

    /** 9600 baud, 8 data bits, no parity, 1 stop bit: MT-SICS factory setting (protocols.md 4.1). */
    public static final SerialSettings DEFAULT = new SerialSettings(9600, 8, Parity.NONE, StopBits.ONE);

    public enum Parity {
        NONE(SerialPort.NO_PARITY, 'N'),
        ODD(SerialPort.ODD_PARITY, 'O'),
        EVEN(SerialPort.EVEN_PARITY, 'E'),
        MARK(SerialPort.MARK_PARITY, 'M'),
        SPACE(SerialPort.SPACE_PARITY, 'S');

        private final int jSerialCommCode;
        private final char letter;

        Parity(int jSerialCommCode, char letter) {
            this.jSerialCommCode = jSerialCommCode;
            this.letter = letter;
        }

        int jSerialCommCode() {
            return jSerialCommCode;
        }

        public char letter() {
            return letter;
        }

        /** {@code none}, {@code odd}, {@code even}, {@code mark}, {@code space}, or their first letter, any case. */
        public static Parity parse(String text) {
            String t = Objects.requireNonNull(text, "parity").trim().toUpperCase(Locale.ROOT);
            for (Parity parity : values()) {
                if (parity.name().equals(t) || (t.length() == 1 && t.charAt(0) == parity.letter)) {
                    return parity;
                }
            }
            throw new IllegalArgumentException("parity must be none, odd, even, mark or space: '" + text + "'");
        }
    }

    public enum StopBits {
        ONE(SerialPort.ONE_STOP_BIT, "1"),
        ONE_POINT_FIVE(SerialPort.ONE_POINT_FIVE_STOP_BITS, "1.5"),
        TWO(SerialPort.TWO_STOP_BITS, "2");

        private final int jSerialCommCode;
        private final String text;

        StopBits(int jSerialCommCode, String text) {
            this.jSerialCommCode = jSerialCommCode;
            this.text = text;
        }

        int jSerialCommCode() {
            return jSerialCommCode;
        }

        public String text() {
            return text;
        }

        /** {@code 1}, {@code 1.5} or {@code 2}. */
        public static StopBits parse(String text) {
            String t = Objects.requireNonNull(text, "stopBits").trim();
            for (StopBits stopBits : values()) {
                if (stopBits.text.equals(t)) {
                    return stopBits;
                }
            }
            throw new IllegalArgumentException("stop bits must be 1, 1.5 or 2: '" + text + "'");
        }
    }

    public SerialSettings {
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(stopBits, "stopBits");
        if (baudRate <= 0) {
            throw new IllegalArgumentException("baud rate must be positive: " + baudRate);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5 to 8: " + dataBits);
        }
    }

    /** Reads the notation device manuals use, {@code baud parity data stop}, e.g. {@code 4800 E 7 1}. */
    public static SerialSettings parse(String text) {
        String[] parts = Objects.requireNonNull(text, "text").trim().split("\\s+");
        if (parts.length != 4) {
            throw new IllegalArgumentException("serial settings are 'baud parity data stop', e.g. '9600 N 8 1': '" + text + "'");
        }
        try {
            return new SerialSettings(Integer.parseInt(parts[0]), Integer.parseInt(parts[2]), Parity.parse(parts[1]),
                    StopBits.parse(parts[3]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("serial settings are 'baud parity data stop', e.g. '9600 N 8 1': '" + text + "'");
        }
    }

    /** As manuals write it, e.g. {@code 9600 N 8 1}. */
    @Override
    public String toString() {
        return baudRate + " " + parity.letter() + " " + dataBits + " " + stopBits.text();
    }
}
