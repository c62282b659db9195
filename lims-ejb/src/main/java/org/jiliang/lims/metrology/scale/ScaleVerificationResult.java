package org.jiliang.lims.metrology.scale;

import java.util.List;
import java.util.Objects;
import org.jiliang.lims.metrology.DecisionRule;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.Verdict;

/**
 * The outcome of a verification: a result per test and the overall verdict, which fails if any test fails.
 * It keeps the plan, and with it the procedure edition, the verification type and the MPE source it was made with.
 *
 * @param zeroError    E0, the error found at the zero-setting point; every Ec is corrected by it
 * @param decisionRule how each error was held against its limit (simple acceptance: |Ec| ≤ MPE passes)
 */
public record ScaleVerificationResult(ScaleTestPlan plan, Mass zeroError, List<TestResult> tests, Verdict verdict,
        DecisionRule decisionRule) {

    public ScaleVerificationResult {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(zeroError, "zeroError");
        tests = List.copyOf(Objects.requireNonNull(tests, "tests"));
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(decisionRule, "decisionRule");
        Verdict expected = tests.stream().allMatch(TestResult::passed) ? Verdict.PASS : Verdict.FAIL;
        if (verdict != expected) {
            throw new IllegalArgumentException("Overall verdict " + verdict + " contradicts the test results");
        }
    }

    public boolean passed() {
        return verdict == Verdict.PASS;
    }

    /**
     * @throws IllegalArgumentException if the plan had no such test (no tare test without a tare device)
     */
    public TestResult test(ScaleTest test) {
        return tests.stream().filter(t -> t.test() == test).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The plan has no " + test.title().en()));
    }

    public List<TestResult> failedTests() {
        return tests.stream().filter(t -> !t.passed()).toList();
    }

    /** Every reason for non-conformity, test by test, as the notice of non-conformity lists them. */
    public List<BilingualText> nonConformityReasons() {
        return failedTests().stream().flatMap(t -> t.reasons().stream()).toList();
    }

    /**
     * One line for the record, e.g. "检定结论：不合格（偏载测试） / verification result: fail (eccentricity test)".
     */
    public BilingualText conclusion() {
        List<TestResult> failed = failedTests();
        String zh = "检定结论：" + verdict.labelZh();
        String en = "verification result: " + verdict.labelEn();
        if (!failed.isEmpty()) {
            zh += "（" + String.join("、", failed.stream().map(t -> t.test().title().zh()).toList()) + "）";
            en += " (" + String.join(", ", failed.stream().map(t -> t.test().title().en()).toList()) + ")";
        }
        return new BilingualText(zh, en);
    }
}
