package org.jiliang.instrument.simulator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * Faults a simulated device can be told to show, for tests and demos. Thread-safe; every method
 * returns {@code this} so faults can be chained, e.g. {@code faults().noise(new BigDecimal("0.2")).drip(Duration.ofMillis(5))}.
 *
 * <p><strong>Measurement faults</strong> change what the device measures: {@link #noise}, {@link #drift},
 * {@link #unstable}, {@link #overload}, {@link #underload}. Each simulator says how it shows them
 * (a balance reports dynamic values while unstable; a meter prints {@code +9.9E37} on overload; a
 * transmitter prints stars).
 *
 * <p><strong>Transport faults</strong> change the bytes on the wire. The one-shot faults apply to the
 * next frame the device sends to any client, in this order of precedence: {@link #disconnectMidFrame},
 * {@link #overlongLine}, {@link #longLine}, {@link #fragment}, {@link #garbage}, {@link #truncate}. {@link #silence} and {@link #drip}
 * last until changed.
 */
public final class SimulatorFaults {

    /** Printable junk, a NUL and a 0xFF byte, then CR LF: no protocol reads this as a value. */
    public static final byte[] DEFAULT_GARBAGE = {'#', '@', '!', '?', 0x00, (byte) 0xFF, '\r', '\n'};

    /** What the next frame suffers; package-private, read by {@link SimulatedDevice}. */
    enum FrameFault { NONE, DISCONNECT_MID_FRAME, OVERLONG_LINE, LONG_LINE, FRAGMENT, GARBAGE, TRUNCATE }

    /** A forced indication range. */
    public enum Range { NORMAL, OVERLOAD, UNDERLOAD }

    private final Random random;
    private final Ticker ticker;

    private BigDecimal noiseAmplitude = BigDecimal.ZERO;
    private BigDecimal driftPerSecond = BigDecimal.ZERO;
    private long driftSinceNanos;
    private long unstableUntilNanos;
    private Range range = Range.NORMAL;

    private boolean disconnectPending;
    private int overlongLength;
    private int longLineLength;
    private boolean fragmentPending;
    private byte[] garbagePending;
    private boolean truncatePending;
    private long silentUntilNanos;
    private boolean silentForever;
    private Duration dripPerByte = Duration.ZERO;

    SimulatorFaults(long seed, Ticker ticker) {
        this.random = new Random(seed);
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.unstableUntilNanos = ticker.nanoTime();
        this.silentUntilNanos = ticker.nanoTime();
    }

    /** Adds uniform noise in [−amplitude, +amplitude] (in the device's unit) to every measured value; 0 turns it off. */
    public synchronized SimulatorFaults noise(BigDecimal amplitude) {
        if (Objects.requireNonNull(amplitude, "amplitude").signum() < 0) {
            throw new IllegalArgumentException("noise amplitude must not be negative: " + amplitude);
        }
        this.noiseAmplitude = amplitude;
        return this;
    }

    /** Adds a drift of {@code perSecond} (in the device's unit) starting now; 0 turns it off. */
    public synchronized SimulatorFaults drift(BigDecimal perSecond) {
        this.driftPerSecond = Objects.requireNonNull(perSecond, "perSecond");
        this.driftSinceNanos = ticker.nanoTime();
        return this;
    }

    /** Makes the indication unstable for a while, as a draught or a vibrating bench would. */
    public synchronized SimulatorFaults unstable(Duration period) {
        this.unstableUntilNanos = ticker.nanoTime() + positive(period, "period").toNanos();
        return this;
    }

    /** Forces an overload indication until {@link #inRange()}. */
    public synchronized SimulatorFaults overload() {
        this.range = Range.OVERLOAD;
        return this;
    }

    /** Forces an underload indication until {@link #inRange()}. */
    public synchronized SimulatorFaults underload() {
        this.range = Range.UNDERLOAD;
        return this;
    }

    /** Ends a forced overload or underload. */
    public synchronized SimulatorFaults inRange() {
        this.range = Range.NORMAL;
        return this;
    }

    /** Replaces the next frame with {@link #DEFAULT_GARBAGE}. */
    public SimulatorFaults garbage() {
        return garbage(DEFAULT_GARBAGE);
    }

    /** Replaces the next frame with these bytes, sent as given. */
    public synchronized SimulatorFaults garbage(byte[] bytes) {
        if (Objects.requireNonNull(bytes, "bytes").length == 0) {
            throw new IllegalArgumentException("garbage needs at least one byte");
        }
        this.garbagePending = bytes.clone();
        return this;
    }

    /** Cuts the next frame to half its content, terminator kept, as when a UART drops characters. */
    public synchronized SimulatorFaults truncate() {
        this.truncatePending = true;
        return this;
    }

    /** Replaces the next frame with {@code length} printable bytes and no terminator. */
    public synchronized SimulatorFaults overlongLine(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("length must be positive: " + length);
        }
        this.overlongLength = length;
        return this;
    }

    /**
     * Replaces the next frame with {@code length} printable bytes followed by the frame's own line end:
     * one long line, e.g. 10 000 bytes against a reader's line limit (issue 9).
     */
    public synchronized SimulatorFaults longLine(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("length must be positive: " + length);
        }
        this.longLineLength = length;
        return this;
    }

    /**
     * Sends the first half of the next frame without its line end, then the whole frame, on the same
     * connection: a device that restarted in the middle of a line (issue 9), e.g. {@code S S    }
     * followed by {@code S S       5000 g} CR LF.
     */
    public synchronized SimulatorFaults fragment() {
        this.fragmentPending = true;
        return this;
    }

    /**
     * Sends the first half of the next frame, then drops the connection: a TCP client sees the peer
     * close; on a serial port the device closes its end and reopens it a moment later, like a power cycle.
     */
    public synchronized SimulatorFaults disconnectMidFrame() {
        this.disconnectPending = true;
        return this;
    }

    /** Answers nothing for a while: commands are read and dropped, streams send nothing. */
    public synchronized SimulatorFaults silence(Duration period) {
        this.silentUntilNanos = ticker.nanoTime() + positive(period, "period").toNanos();
        return this;
    }

    /** Answers nothing until {@link #speak()} or {@link #clear()}. */
    public synchronized SimulatorFaults silence() {
        this.silentForever = true;
        return this;
    }

    /** Ends silence. */
    public synchronized SimulatorFaults speak() {
        this.silentForever = false;
        this.silentUntilNanos = ticker.nanoTime();
        return this;
    }

    /** Sends every byte on its own, this long apart; {@link Duration#ZERO} sends frames whole again. */
    public synchronized SimulatorFaults drip(Duration perByte) {
        if (Objects.requireNonNull(perByte, "perByte").isNegative()) {
            throw new IllegalArgumentException("perByte must not be negative: " + perByte);
        }
        this.dripPerByte = perByte;
        return this;
    }

    /** Removes every fault. */
    public synchronized SimulatorFaults clear() {
        noiseAmplitude = BigDecimal.ZERO;
        driftPerSecond = BigDecimal.ZERO;
        unstableUntilNanos = ticker.nanoTime();
        range = Range.NORMAL;
        disconnectPending = false;
        overlongLength = 0;
        longLineLength = 0;
        fragmentPending = false;
        garbagePending = null;
        truncatePending = false;
        silentForever = false;
        silentUntilNanos = ticker.nanoTime();
        dripPerByte = Duration.ZERO;
        return this;
    }

    // ---- read by the simulators ----

    /** The value as the faulty device measures it: plus drift since it was set, plus noise. */
    synchronized BigDecimal disturb(BigDecimal value) {
        BigDecimal disturbed = value;
        if (driftPerSecond.signum() != 0) {
            BigDecimal seconds = BigDecimal.valueOf(ticker.nanoTime() - driftSinceNanos).movePointLeft(9);
            disturbed = disturbed.add(driftPerSecond.multiply(seconds, MathContext.DECIMAL64));
        }
        if (noiseAmplitude.signum() != 0) {
            BigDecimal unit = BigDecimal.valueOf(random.nextDouble() * 2 - 1);
            disturbed = disturbed.add(noiseAmplitude.multiply(unit, MathContext.DECIMAL64));
        }
        return disturbed;
    }

    synchronized boolean isUnstable() {
        return ticker.nanoTime() - unstableUntilNanos < 0;
    }

    synchronized Range range() {
        return range;
    }

    synchronized boolean isSilent() {
        return silentForever || ticker.nanoTime() - silentUntilNanos < 0;
    }

    synchronized Duration dripPerByte() {
        return dripPerByte;
    }

    /** The one-shot fault for the next frame and, for garbage and over-long lines, the bytes to send instead. */
    record Planned(FrameFault fault, byte[] replacement) {
    }

    /** 0123456789012…: printable, no protocol's reply. */
    private static byte[] digits(int length) {
        byte[] line = new byte[length];
        for (int i = 0; i < line.length; i++) {
            line[i] = (byte) ('0' + i % 10);
        }
        return line;
    }

    /** Takes (consumes) the one-shot fault for the next frame. */
    synchronized Planned takeFrameFault() {
        if (disconnectPending) {
            disconnectPending = false;
            return new Planned(FrameFault.DISCONNECT_MID_FRAME, null);
        }
        if (overlongLength > 0) {
            byte[] line = digits(overlongLength);
            overlongLength = 0;
            return new Planned(FrameFault.OVERLONG_LINE, line);
        }
        if (longLineLength > 0) {
            byte[] line = digits(longLineLength);
            longLineLength = 0;
            return new Planned(FrameFault.LONG_LINE, line);
        }
        if (fragmentPending) {
            fragmentPending = false;
            return new Planned(FrameFault.FRAGMENT, null);
        }
        if (garbagePending != null) {
            byte[] garbage = garbagePending;
            garbagePending = null;
            return new Planned(FrameFault.GARBAGE, garbage);
        }
        if (truncatePending) {
            truncatePending = false;
            return new Planned(FrameFault.TRUNCATE, null);
        }
        return new Planned(FrameFault.NONE, null);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static Duration positive(Duration duration, String name) {
        if (Objects.requireNonNull(duration, name).isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
        return duration;
    }
}
