package org.jiliang.lims.personnel;

/** What a signer states by signing (21 CFR 11.50 style: the meaning is part of the signature). */
public enum SignatureMeaning {
    /** 检定员: I performed the measurements shown. */
    PERFORMED,
    /** 核验员: I checked the raw readings and the computation. */
    CHECKED,
    /** 批准人: I approve the result and the issue of the certificate. */
    APPROVED
}
