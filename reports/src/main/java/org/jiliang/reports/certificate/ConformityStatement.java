package org.jiliang.reports.certificate;

import java.util.Objects;

/**
 * What a calibration certificate says about conformity when the customer asked for it (ISO/IEC
 * 17025:2017 7.8.6): the specification, the decision rule with its boundary convention, and the
 * level of risk. The results it applies to carry a {@link ConformityDecision}.
 *
 * @param specificationZh    the specification in Chinese, completing "符合 {0}", e.g. "OIML R 111-1:2004 M1 等级要求"
 * @param specificationEn    the same in English, completing "Conforms to {0}", e.g. "class M1 of OIML R 111-1:2004"
 * @param boundaryConvention how a result exactly on the acceptance limit is decided, bilingual,
 *                           e.g. "恰在接受限上判为符合 A result on the acceptance limit conforms"
 * @param levelOfRisk        bilingual, e.g. "误判接受概率 < 2.5 % Probability of false acceptance < 2.5 %"
 */
public record ConformityStatement(
        String specificationZh,
        String specificationEn,
        DecisionRule decisionRule,
        String boundaryConvention,
        String levelOfRisk) {

    public ConformityStatement {
        Objects.requireNonNull(specificationZh, "specificationZh");
        Objects.requireNonNull(specificationEn, "specificationEn");
        Objects.requireNonNull(decisionRule, "a statement of conformity names its decision rule");
        Objects.requireNonNull(boundaryConvention, "boundaryConvention");
        Objects.requireNonNull(levelOfRisk, "levelOfRisk");
        if (specificationZh.isBlank() || specificationEn.isBlank()) {
            throw new IllegalArgumentException("a statement of conformity names the specification in both languages");
        }
        if (boundaryConvention.isBlank() || levelOfRisk.isBlank()) {
            throw new IllegalArgumentException("a statement of conformity states its boundary convention and level of risk");
        }
    }
}
