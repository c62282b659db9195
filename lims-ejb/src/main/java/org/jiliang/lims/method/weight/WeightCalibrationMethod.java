package org.jiliang.lims.method.weight;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jiliang.lims.order.TestPoint;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.MassUnit;
import org.jiliang.lims.metrology.weight.WeightCalibrationProcedure;
import org.jiliang.lims.metrology.weight.WeightClass;
import org.jiliang.lims.metrology.weight.WeightMpeTable;
import org.jiliang.lims.order.JobResult;
import org.jiliang.lims.order.MeasurementMethod;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.lims.standard.MeasurementStandard;

/**
 * Calibration of a weight after JJG 99 and OIML R 111-1 Annex C: ABBA cycles against one reference weight on a mass
 * comparator, the conventional mass m_ct with its uncertainty budget (C.6) and the statement of conformity to the
 * weight's class, on a calibration certificate with its DCC.
 */
@ApplicationScoped
public class WeightCalibrationMethod implements MeasurementMethod {

    /** JJG 99 (weights), calibrated after OIML R 111-1 Annex C. */
    public static final String PROCEDURE = "JJG 99-2006";

    @Override
    public String testPlan() {
        return WeightCalibrationProcedure.TEST_PLAN;
    }

    @Override
    public String instrumentKind() {
        return InstrumentUnderTest.KIND_WEIGHT;
    }

    @Override
    public String procedureCode() {
        return PROCEDURE;
    }

    @Override
    public String jobSeries() {
        return "JC";
    }

    @Override
    public boolean verification() {
        return false;
    }

    /** The comparator indications of the ABBA cycles; the weight must be in R 111-1 Table 1 and Table 5. */
    @Override
    public void plan(VerificationJob job) {
        InstrumentUnderTest weight = job.instrument();
        WeightCalibrationProcedure procedure = WeightCalibrationProcedure.standard();
        WeightClass weightClass = weight.weightClass();
        Mass nominal = weight.nominal();
        if (!procedure.covers(weightClass, nominal)) {
            throw new RefusedException("error.weight.notInTable", weightClass.symbol(), nominal);
        }
        if (procedure.densityLimits(weightClass, nominal).isEmpty()) {
            throw new RefusedException("error.weight.noDensityLimits", weightClass.symbol(), nominal);
        }
        Mass load = nominal.to(MassUnit.G).normalized();
        Mass mpe = WeightMpeTable.oimlR111().mpe(weightClass, nominal).to(MassUnit.G).normalized();
        int ordinal = 1;
        for (var o : procedure.plan(weightClass)) {
            job.addTestPoint(new TestPoint(job, ordinal++, o.id(), "ABBA_" + o.role().name(), o.label().toString(),
                    load, mpe, 1, null));
        }
    }

    /**
     * A reference weight carries the values of its certificate and has the nominal value of the weight it is
     * compared with (within the procedure's tolerance: the comparator measures only the small difference).
     */
    @Override
    public void checkStandard(VerificationJob job, MeasurementStandard standard) {
        var reference = standard.referenceWeight().orElseThrow(
                () -> new RefusedException("error.weight.standardWithoutValues", standard.code()));
        Mass nominal = job.instrument().nominal();
        if (!WeightCalibrationProcedure.standard().referenceMatches(reference.conventionalMass(), nominal)) {
            throw new RefusedException("error.weight.nominalMismatch", standard.code(), reference.conventionalMass(),
                    nominal);
        }
    }

    /** The air density of the buoyancy correction needs the pressure (OIML R 111-1 C.4.4, CIPM-2007 formula). */
    @Override
    public boolean needsPressure() {
        return true;
    }

    @Override
    public boolean takesAdditionalLoad() {
        return false;
    }

    /** The reference weight, the air pressure and the comparator's scale interval d, besides every point. */
    @Override
    public Optional<RefusedException> missingBeforeSubmit(VerificationJob job) {
        return WeightCalibrationRun.of(job).missing();
    }

    @Override
    public JobResult evaluate(VerificationJob job) {
        return WeightJobResult.of(job);
    }

    @Override
    public String pages() {
        return "weight-calibration";
    }
}
