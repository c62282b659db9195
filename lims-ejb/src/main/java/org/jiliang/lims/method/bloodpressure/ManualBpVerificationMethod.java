package org.jiliang.lims.method.bloodpressure;

import jakarta.enterprise.context.ApplicationScoped;

/** Mercury and aneroid blood-pressure meters under JJG 270-2008 (OIML R 16-1). */
@ApplicationScoped
public class ManualBpVerificationMethod extends BloodPressureVerification {

    /** The plan's name as procedure editions record it. */
    public static final String TEST_PLAN = "BP-JJG270";
    public static final String PROCEDURE = "JJG 270-2008";

    @Override
    String edition() {
        return PROCEDURE;
    }

    @Override
    public String testPlan() {
        return TEST_PLAN;
    }

    @Override
    public String instrumentKind() {
        return ManualBpKind.KIND;
    }

    @Override
    public String procedureCode() {
        return PROCEDURE;
    }
}
