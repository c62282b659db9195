package org.jiliang.lims.method.bloodpressure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The certificate or notice of a mercury or aneroid blood-pressure meter (JJG 270-2008). */
@ApplicationScoped
public class ManualBpCertificate extends BloodPressureCertificate {

    @Inject
    ManualBpVerificationMethod method;

    @Override
    BloodPressureVerification method() {
        return method;
    }

    @Override
    String title() {
        return "血压计和血压表检定规程 Verification Regulation of Sphygmomanometers";
    }
}
