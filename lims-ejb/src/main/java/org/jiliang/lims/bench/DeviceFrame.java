package org.jiliang.lims.bench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One frame exactly as the device sent it (terminator included), with how it was understood.
 * An original record: inserted once, never updated. Malformed frames are kept with the reason.
 *
 * <p>{@code receivedAt} is when the reader received the frame, on the reader's clock: the server's
 * for devices it reads, the bench PC's for frames a bench agent forwards. {@code serverReceivedAt}
 * is always the server's clock: when the server received it (the same instant for its own devices).
 */
@Entity
@Table(name = "device_frame")
public class DeviceFrame {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "device_id", updatable = false)
    private BenchDevice device;

    @Column(name = "link_session", nullable = false, updatable = false)
    private String linkSession;

    @Column(nullable = false, updatable = false)
    private long sequence;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Column(name = "server_received_at", nullable = false, updatable = false)
    private Instant serverReceivedAt;

    @Column(name = "raw_bytes", nullable = false, updatable = false)
    private byte[] rawBytes;

    @Column(nullable = false, updatable = false)
    private String status;

    @Column(name = "reading_value", updatable = false)
    private BigDecimal readingValue;

    /** The value's decimal text as the device sent it (V010); null on frames stored before. */
    @Column(name = "reading_text", updatable = false)
    private String readingText;

    @Column(name = "reading_unit", updatable = false)
    private String readingUnit;

    @Column(name = "reject_reason", updatable = false)
    private String rejectReason;

    protected DeviceFrame() {
    }

    /** A frame the server read itself: received on the server's clock. */
    public DeviceFrame(BenchDevice device, String linkSession, long sequence, Instant receivedAt, byte[] rawBytes,
            String status, BigDecimal readingValue, String readingUnit, String rejectReason) {
        this(device, linkSession, sequence, receivedAt, receivedAt, rawBytes, status, readingValue, readingUnit,
                rejectReason);
    }

    public DeviceFrame(BenchDevice device, String linkSession, long sequence, Instant receivedAt,
            Instant serverReceivedAt, byte[] rawBytes, String status, BigDecimal readingValue, String readingUnit,
            String rejectReason) {
        this.device = device;
        this.linkSession = linkSession;
        this.sequence = sequence;
        this.receivedAt = receivedAt;
        this.serverReceivedAt = serverReceivedAt;
        this.rawBytes = rawBytes.clone();
        this.status = status;
        this.readingValue = readingValue;
        this.readingText = readingValue == null ? null : FrameRecordLimits.text(readingValue);
        this.readingUnit = readingUnit;
        this.rejectReason = rejectReason == null || rejectReason.length() <= 300
                ? rejectReason : rejectReason.substring(0, 300);
    }

    public Long id() {
        return id;
    }

    public BenchDevice device() {
        return device;
    }

    public String linkSession() {
        return linkSession;
    }

    public long sequence() {
        return sequence;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant serverReceivedAt() {
        return serverReceivedAt;
    }

    public byte[] rawBytes() {
        return rawBytes.clone();
    }

    public String rawHex() {
        return HexFormat.ofDelimiter(" ").formatHex(rawBytes);
    }

    public String status() {
        return status;
    }

    /**
     * The value exactly as the device sent it, scale included ({@code 5.00} stays {@code 5.00});
     * frames stored before V010 have only the numeric column, with at most 6 decimals.
     */
    public BigDecimal readingValue() {
        return readingText != null ? new BigDecimal(readingText) : readingValue;
    }

    public String readingUnit() {
        return readingUnit;
    }

    public String rejectReason() {
        return rejectReason;
    }
}
