package org.jiliang.lims.metrology.bloodpressure;

import java.util.List;
import java.util.Objects;
import org.jiliang.lims.metrology.DecisionRule;
import org.jiliang.lims.metrology.Verdict;
import org.jiliang.lims.metrology.scale.BilingualText;

/**
 * The outcome of a blood-pressure meter verification: a result per test and the overall verdict, which fails if
 * any test fails. A passing meter gets a verification certificate, a failing one a notice of verification result
 * naming the failed tests (docs/blood-pressure-verification.md section 3). It keeps the plan, and with it the
 * edition and the verification type.
 *
 * @param decisionRule simple acceptance: a value exactly at a bound of its limit passes (mpe.csv: both bounds
 *                     inclusive)
 */
public record BpVerificationResult(BpTestPlan plan, List<BpTestResult> tests, Verdict verdict,
        DecisionRule decisionRule) {

    public BpVerificationResult {
        Objects.requireNonNull(plan, "plan");
        tests = List.copyOf(tests);
        Objects.requireNonNull(decisionRule, "decisionRule");
        Verdict expected = tests.stream().allMatch(BpTestResult::passed) ? Verdict.PASS : Verdict.FAIL;
        if (verdict != expected) {
            throw new IllegalArgumentException("Overall verdict " + verdict + " contradicts the test results");
        }
    }

    public boolean passed() {
        return verdict == Verdict.PASS;
    }

    /** @throws IllegalArgumentException if the plan had no such test */
    public BpTestResult test(BpTest test) {
        return tests.stream().filter(t -> t.test() == test).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The plan has no " + test.title().en()));
    }

    public List<BpTestResult> failedTests() {
        return tests.stream().filter(t -> !t.passed()).toList();
    }

    /** Every reason of non-conformity, test by test, as the notice of verification result lists them. */
    public List<BilingualText> nonConformityReasons() {
        return failedTests().stream().flatMap(t -> t.reasons().stream()).toList();
    }

    /** "检定结论：合格 / verification result: pass", or with the failed tests: "检定结论：不合格（气密性） / ...". */
    public BilingualText conclusion() {
        List<BpTestResult> failed = failedTests();
        String zh = "检定结论：" + verdict.labelZh();
        String en = "verification result: " + verdict.labelEn();
        if (!failed.isEmpty()) {
            zh += "（" + String.join("、", failed.stream().map(t -> t.test().title().zh()).toList()) + "）";
            en += " (" + String.join(", ", failed.stream().map(t -> t.test().title().en()).toList()) + ")";
        }
        return new BilingualText(zh, en);
    }
}
