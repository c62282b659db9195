package org.jiliang.lims.method.bloodpressure;

import jakarta.enterprise.context.ApplicationScoped;

/** Automated (non-invasive) blood-pressure meters under JJG 692-2010 (OIML R 16-2). */
@ApplicationScoped
public class AutomatedBpVerificationMethod extends BloodPressureVerification {

    /** The plan's name as procedure editions record it. */
    public static final String TEST_PLAN = "BP-JJG692";
    public static final String PROCEDURE = "JJG 692-2010";

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
        return AutomatedBpKind.KIND;
    }

    @Override
    public String procedureCode() {
        return PROCEDURE;
    }
}
