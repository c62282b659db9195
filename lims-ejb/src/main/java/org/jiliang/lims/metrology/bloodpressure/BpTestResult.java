package org.jiliang.lims.metrology.bloodpressure;

import java.util.List;
import java.util.Objects;
import org.jiliang.lims.metrology.Verdict;
import org.jiliang.lims.metrology.scale.BilingualText;

/** The verdict on one test: it fails if any of its points fails. */
public record BpTestResult(BpTest test, List<BpPointResult> points, Verdict verdict) {

    public BpTestResult {
        Objects.requireNonNull(test, "test");
        points = List.copyOf(points);
        Verdict expected = points.stream().allMatch(BpPointResult::passed) ? Verdict.PASS : Verdict.FAIL;
        if (verdict != expected) {
            throw new IllegalArgumentException("Verdict " + verdict + " of the " + test.title().en()
                    + " contradicts its points");
        }
    }

    static BpTestResult of(BpTest test, List<BpPointResult> points) {
        return new BpTestResult(test, points,
                points.stream().allMatch(BpPointResult::passed) ? Verdict.PASS : Verdict.FAIL);
    }

    public boolean passed() {
        return verdict == Verdict.PASS;
    }

    /** The reasons of the failed points, for the notice of verification result. */
    public List<BilingualText> reasons() {
        return points.stream().filter(p -> !p.passed()).map(BpPointResult::reason).toList();
    }
}
