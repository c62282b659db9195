package org.jiliang.lims.method.bloodpressure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The certificate or notice of an automated blood-pressure meter (JJG 692-2010). */
@ApplicationScoped
public class AutomatedBpCertificate extends BloodPressureCertificate {

    @Inject
    AutomatedBpVerificationMethod method;

    @Override
    BloodPressureVerification method() {
        return method;
    }

    @Override
    String title() {
        return "无创自动测量血压计检定规程 Verification Regulation of Non-invasive Automated Sphygmomanometers";
    }
}
