package org.jiliang.reports.certificate;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What an intermediate check record (期间核查记录, JJF 1033) states: the standard under check and its check standard,
 * the plan's criterion, the day and the conditions, each check point's readings with their judgement, the outcome
 * of the check, the standard used, the signatures and the link that verifies the record.
 *
 * @param owner              the institute, owner of the standard (printed where a certificate names its customer)
 * @param standardUnderCheck code and name of the standard checked
 * @param checkStandard      the check standard as the plan names it
 * @param criterion          the plan's criterion and chart, as finished text
 * @param outcome            the outcome of the check, as finished text in both languages
 */
public record CheckRecord(
        String number,
        LocalDate issueDate,
        Laboratory laboratory,
        Customer owner,
        String standardUnderCheck,
        String checkStandard,
        String specification,
        String criterion,
        LocalDate checkDate,
        String place,
        Environment environment,
        List<CheckResultLine> results,
        String outcome,
        List<StandardUsed> standards,
        List<SignatureLine> signatures,
        String verificationUrl) {

    public CheckRecord {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(laboratory, "laboratory");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(standardUnderCheck, "standardUnderCheck");
        Objects.requireNonNull(checkStandard, "checkStandard");
        Objects.requireNonNull(specification, "specification");
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(checkDate, "checkDate");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(outcome, "outcome");
        results = List.copyOf(Objects.requireNonNull(results, "results"));
        standards = List.copyOf(Objects.requireNonNull(standards, "standards"));
        signatures = List.copyOf(Objects.requireNonNull(signatures, "signatures"));
        Objects.requireNonNull(verificationUrl, "verificationUrl");
        if (results.isEmpty()) {
            throw new IllegalArgumentException("a check record states the result of at least one check point");
        }
    }

    public CertificateKind kind() {
        return CertificateKind.INTERMEDIATE_CHECK_RECORD;
    }
}
