package org.jiliang.lims.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jiliang.lims.metrology.quantity.Quantity;

/**
 * Whether the institute's valid standards span a need (the policy's target: public standards covering the region's
 * traceability needs). A need is covered when the measuring ranges of the valid standards of its kind of quantity,
 * taken together, reach from its lower to its upper end without a gap; otherwise the parts no standard reaches are
 * the gaps. Ranges are closed: a standard up to 20 kg and one from 20 kg join.
 */
public final class CoverageRule {

    /** A need's coverage: the standards that reach into it and the parts of it no standard reaches. */
    public record Coverage(List<String> standards, List<Span> gaps) {

        public boolean covered() {
            return gaps.isEmpty();
        }
    }

    private CoverageRule() {
    }

    /** The coverage of {@code need} by {@code ranges} (those of another kind of quantity are ignored). */
    public static Coverage of(Span need, List<Span> ranges) {
        List<Span> reaching = ranges.stream().filter(r -> r.kind().equals(need.kind()))
                .filter(r -> r.upper().compareTo(need.lower()) >= 0 && r.lower().compareTo(need.upper()) <= 0)
                .sorted(Comparator.comparing(Span::lower)).toList();
        List<Span> gaps = new ArrayList<>();
        Quantity reached = null; // the highest point covered so far, in the need
        for (Span r : reaching) {
            if (reached == null ? r.lower().compareTo(need.lower()) > 0 : r.lower().compareTo(reached) > 0) {
                gaps.add(new Span(reached == null ? need.lower() : reached, r.lower(), need.source()));
            }
            if (reached == null || r.upper().compareTo(reached) > 0) {
                reached = r.upper();
            }
        }
        if (reached == null) {
            gaps.add(need);
        } else if (reached.compareTo(need.upper()) < 0) {
            gaps.add(new Span(reached, need.upper(), need.source()));
        }
        return new Coverage(reaching.stream().map(Span::source).distinct().toList(),
                gaps.stream().map(g -> inUnitOf(need, g)).toList());
    }

    /** A gap as the need is written: both ends in the need's unit. */
    private static Span inUnitOf(Span need, Span gap) {
        var unit = need.lower().unit();
        return new Span(in(gap.lower(), unit), in(gap.upper(), unit), need.source());
    }

    private static Quantity in(Quantity q, org.jiliang.lims.metrology.quantity.Unit unit) {
        return q.to(unit, java.math.MathContext.DECIMAL64).stripped();
    }
}
