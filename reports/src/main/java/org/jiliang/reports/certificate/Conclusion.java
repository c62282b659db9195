package org.jiliang.reports.certificate;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The conclusion printed on the certificate.
 *
 * @param validUntil      for a pass, the date the next verification is due; {@code null} for a fail
 * @param nonConformities for a fail, each failing point with its reason, e.g.
 *                        "2000 e: 误差 +3 g 超出最大允许误差 ±2 g / error +3 g exceeds MPE ±2 g"; empty for a pass
 */
public record Conclusion(Verdict verdict, LocalDate validUntil, List<String> nonConformities) {

    public Conclusion {
        Objects.requireNonNull(verdict, "verdict");
        nonConformities = List.copyOf(Objects.requireNonNull(nonConformities, "nonConformities"));
        switch (verdict) {
            case PASS -> {
                Objects.requireNonNull(validUntil, "a pass states until when the verification is valid");
                if (!nonConformities.isEmpty()) {
                    throw new IllegalArgumentException("a pass lists no non-conformities");
                }
            }
            case FAIL -> {
                if (validUntil != null) {
                    throw new IllegalArgumentException("a fail has no period of validity");
                }
                if (nonConformities.isEmpty()) {
                    throw new IllegalArgumentException("a fail states at least one non-conformity");
                }
            }
        }
    }

    public static Conclusion pass(LocalDate validUntil) {
        return new Conclusion(Verdict.PASS, validUntil, List.of());
    }

    public static Conclusion fail(List<String> nonConformities) {
        return new Conclusion(Verdict.FAIL, null, nonConformities);
    }
}
