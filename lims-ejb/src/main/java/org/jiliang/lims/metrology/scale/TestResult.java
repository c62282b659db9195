package org.jiliang.lims.metrology.scale;

import java.util.List;
import java.util.Objects;
import org.jiliang.lims.metrology.Verdict;

/** The verdict on one test: it fails if any of its points fails. */
public record TestResult(ScaleTest test, List<PointResult> points, Verdict verdict) {

    public TestResult {
        Objects.requireNonNull(test, "test");
        points = List.copyOf(Objects.requireNonNull(points, "points"));
        Objects.requireNonNull(verdict, "verdict");
        Verdict expected = points.stream().allMatch(PointResult::passed) ? Verdict.PASS : Verdict.FAIL;
        if (verdict != expected) {
            throw new IllegalArgumentException("Verdict " + verdict + " of the " + test.title().en()
                    + " contradicts its points");
        }
    }

    static TestResult of(ScaleTest test, List<PointResult> points) {
        Verdict verdict = points.stream().allMatch(PointResult::passed) ? Verdict.PASS : Verdict.FAIL;
        return new TestResult(test, points, verdict);
    }

    public boolean passed() {
        return verdict == Verdict.PASS;
    }

    public List<PointResult> failures() {
        return points.stream().filter(p -> !p.passed()).toList();
    }

    /** The reasons of the failed points, for the notice of non-conformity. */
    public List<BilingualText> reasons() {
        return failures().stream().map(PointResult::reason).toList();
    }
}
