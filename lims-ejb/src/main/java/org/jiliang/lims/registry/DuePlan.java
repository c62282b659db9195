package org.jiliang.lims.registry;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * When an instrument is due again: derived, never typed (issue 12).
 *
 * <ol>
 * <li>A verification on day D opens a cycle that ends on D + the interval: verified 2026-03-01 on 12 months, due
 * 2027-03-01 (the day the instrument must be verified again; overdue from the day after).</li>
 * <li>The interval is the category's in the catalogue edition in force on D (the earliest edition for a verification
 * older than the catalogue), or the instrument's own interval when it is shorter; never longer (a regulation's
 * interval is a maximum: "检定周期一般不超过 …").</li>
 * <li>A later edition whose effective date E falls in the open cycle (after D, not after its due date) re-plans it:
 * the due date becomes D + the new interval, but not before E (nobody is made overdue by a change of the
 * catalogue). Cycles that ended before E keep their plan: the history stays as it was.</li>
 * <li>An instrument outside the catalogue is planned by its own interval alone.</li>
 * </ol>
 * The result is the same whether it is computed before or after E, so a re-plan can run at any time.
 */
public final class DuePlan {

    /** The due date and the edition it was planned with (null for an instrument outside the catalogue). */
    public record Planned(LocalDate due, String edition) {
    }

    private DuePlan() {
    }

    public static Planned next(LocalDate verifiedOn, int ownIntervalMonths, List<CategoryEdition> editions) {
        if (ownIntervalMonths < 1) {
            throw new IllegalArgumentException("an interval of " + ownIntervalMonths + " months");
        }
        if (editions.isEmpty()) {
            return new Planned(verifiedOn.plusMonths(ownIntervalMonths), null);
        }
        List<CategoryEdition> sorted = editions.stream()
                .sorted(Comparator.comparing(CategoryEdition::effectiveFrom)).toList();
        CategoryEdition applied = sorted.get(0);
        for (CategoryEdition e : sorted) {
            if (!e.effectiveFrom().isAfter(verifiedOn)) {
                applied = e;
            }
        }
        LocalDate due = verifiedOn.plusMonths(Math.min(ownIntervalMonths, applied.intervalMonths()));
        for (CategoryEdition e : sorted) {
            if (e.effectiveFrom().isAfter(verifiedOn) && !e.effectiveFrom().isAfter(due)) {
                LocalDate replanned = verifiedOn.plusMonths(Math.min(ownIntervalMonths, e.intervalMonths()));
                due = replanned.isBefore(e.effectiveFrom()) ? e.effectiveFrom() : replanned;
                applied = e;
            }
        }
        return new Planned(due, applied.edition());
    }
}
