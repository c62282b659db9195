package org.jiliang.lims.certificate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.reports.dcc.DccReader;

/**
 * A DCC the institute received from an upper-level laboratory for one of its standards, read by the reports module's
 * {@link DccReader} (safe parsing, the DCC 3.1.2 schema): this is the one door from the domain to it, and it turns a
 * refusal into the technician's words ({@code error.dcc.<reason>}).
 */
public final class ReceivedDcc {

    /** The largest DCC accepted. */
    public static final int MAX_BYTES = DccReader.MAX_BYTES;
    /** The prefix of the refusals' keys, one per {@link #REASONS reason}. */
    public static final String REFUSAL_PREFIX = "error.dcc.";
    /** Why a DCC may be refused, each with its message {@code error.dcc.<name>}. */
    public static final List<String> REASONS = java.util.Arrays.stream(DccReader.Reason.values()).map(Enum::name)
            .toList();

    /** One result: what was measured, the value in its unit, U in the same unit, and k. */
    public record Value(String name, BigDecimal value, String unit, BigDecimal expandedUncertainty,
            BigDecimal coverageFactor) {
    }

    /** What the DCC says that a record of a calibration needs. */
    public record Content(String certificateNumber, String laboratory, LocalDate calibratedOn, List<Value> values) {
    }

    private ReceivedDcc() {
    }

    /** Reads the DCC, or refuses it with the reason and the parser's or schema's detail (at most 500 characters). */
    public static Content read(byte[] xml) {
        try {
            DccReader.Content c = DccReader.read(xml);
            return new Content(c.certificateNumber(), c.laboratory(), c.calibratedOn(), c.values().stream()
                    .map(v -> new Value(v.name(), v.value(), v.unit(), v.expandedUncertainty(), v.coverageFactor()))
                    .toList());
        } catch (DccReader.Refused e) {
            String detail = e.detail() == null ? "" : e.detail();
            throw new RefusedException(REFUSAL_PREFIX + e.reason().name(),
                    detail.length() <= 500 ? detail : detail.substring(0, 499) + "…");
        }
    }
}
