package org.jiliang.reports.certificate;

import java.util.List;

/** Copies of a document with one component replaced, for tests. */
final class CertificateDocuments {

    private CertificateDocuments() {
    }

    static CertificateDocument withResults(CertificateDocument d, List<ResultRow> results) {
        return new CertificateDocument(d.kind(), d.number(), d.issueDate(), d.laboratory(), d.customer(),
                d.instrument(), d.procedure(), d.verificationType(), d.measurementDate(), d.placeOfMeasurement(),
                d.environment(), results, d.standards(), d.conclusion(), d.signatures(), d.verificationUrl());
    }

    static CertificateDocument withConclusion(CertificateDocument d, Conclusion conclusion) {
        return new CertificateDocument(d.kind(), d.number(), d.issueDate(), d.laboratory(), d.customer(),
                d.instrument(), d.procedure(), d.verificationType(), d.measurementDate(), d.placeOfMeasurement(),
                d.environment(), d.results(), d.standards(), conclusion, d.signatures(), d.verificationUrl());
    }

    static CertificateDocument withEnvironment(CertificateDocument d, Environment environment) {
        return new CertificateDocument(d.kind(), d.number(), d.issueDate(), d.laboratory(), d.customer(),
                d.instrument(), d.procedure(), d.verificationType(), d.measurementDate(), d.placeOfMeasurement(),
                environment, d.results(), d.standards(), d.conclusion(), d.signatures(), d.verificationUrl());
    }

    static CertificateDocument withNumberAndUrl(CertificateDocument d, String number, String verificationUrl) {
        return new CertificateDocument(d.kind(), number, d.issueDate(), d.laboratory(), d.customer(),
                d.instrument(), d.procedure(), d.verificationType(), d.measurementDate(), d.placeOfMeasurement(),
                d.environment(), d.results(), d.standards(), d.conclusion(), d.signatures(), verificationUrl);
    }

    static CertificateDocument withKind(CertificateDocument d, CertificateKind kind) {
        return new CertificateDocument(kind, d.number(), d.issueDate(), d.laboratory(), d.customer(),
                d.instrument(), d.procedure(), d.verificationType(), d.measurementDate(), d.placeOfMeasurement(),
                d.environment(), d.results(), d.standards(), d.conclusion(), d.signatures(), d.verificationUrl());
    }
}
