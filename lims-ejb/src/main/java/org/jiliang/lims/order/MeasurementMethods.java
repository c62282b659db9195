package org.jiliang.lims.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import org.jiliang.lims.platform.RefusedException;

/**
 * The deployed measurement methods, found by CDI: a new kind of job is a new bean, no switch here or anywhere in
 * the workflow.
 */
@ApplicationScoped
public class MeasurementMethods {

    /** Jobs made before procedures were versioned (V003) have no edition; all of them were scale verifications. */
    static final String PLAN_OF_JOBS_WITHOUT_EDITION = "R76";

    @Inject
    private Instance<MeasurementMethod> methods;

    /** The method of a job: the one carrying out the test plan of the job's procedure edition. */
    public MeasurementMethod of(VerificationJob job) {
        String plan = job.procedure() == null ? PLAN_OF_JOBS_WITHOUT_EDITION : job.procedure().testPlan();
        return forTestPlan(plan).orElseThrow(() -> new RefusedException("error.procedure.testPlan",
                job.procedureCode(), plan));
    }

    public java.util.Optional<MeasurementMethod> forTestPlan(String plan) {
        return all().stream().filter(m -> m.testPlan().equals(plan)).findFirst();
    }

    /** The method that takes an instrument of this kind at intake. */
    public MeasurementMethod forInstrumentKind(String kind) {
        return all().stream().filter(m -> m.instrumentKind().equals(kind)).findFirst()
                .orElseThrow(() -> new RefusedException("error.job.noMethodForKind", kind));
    }

    public List<MeasurementMethod> all() {
        return methods.stream().toList();
    }
}
