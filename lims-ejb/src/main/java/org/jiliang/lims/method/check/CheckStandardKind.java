package org.jiliang.lims.method.check;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jiliang.lims.registry.InstrumentKind;
import org.jiliang.lims.registry.ParameterSpec;

/**
 * A check standard (核查标准): an item the institute keeps to check one of its measurement standards between
 * calibrations (a check weight, a reference resistor). The register records which standard it checks; that
 * standard's check plan gives the job's points.
 */
@ApplicationScoped
public class CheckStandardKind implements InstrumentKind {

    public static final String KIND = "CHECK_STANDARD";
    /** The code of the measurement standard this item checks. */
    public static final String STANDARD = "standard";

    @Override
    public String instrumentKind() {
        return KIND;
    }

    @Override
    public String category() {
        return "核查标准 Check standard";
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        return List.of(ParameterSpec.text(STANDARD, "被核查的计量标准（编号）", "Standard it checks (code)", true));
    }
}
