package org.jiliang.lims.order;

import org.jiliang.lims.platform.Sha256;

/**
 * The canonical text of what is signed in a job: instrument, procedure, each point's load,
 * indication, error, MPE, verdict and source frame, and the standards used. Its SHA-256 is
 * bound into every signature, so a later change to signed data no longer matches.
 */
public final class JobContent {

    private JobContent() {
    }

    public static String canonicalText(VerificationJob job) {
        StringBuilder text = new StringBuilder()
                .append("job=").append(job.jobNumber()).append('\n')
                .append("instrument=").append(job.instrument().manufacturer()).append('|')
                .append(job.instrument().model()).append('|').append(job.instrument().serialNumber()).append('\n')
                .append("type=").append(job.verificationType() == null ? "CALIBRATION" : job.verificationType().name()).append('\n')
                .append("procedure=").append(job.procedureCode()).append('\n');
        // The raw observations are signed; results are computed from them by the procedure's rules.
        for (TestPoint p : job.testPoints()) {
            text.append("point=").append(p.ordinal()).append('|').append(p.planPointId()).append('|')
                    .append(p.label()).append('|').append(p.nominal() == null ? "-" : p.nominal()).append('|').append(p.tolerance() == null ? "-" : p.tolerance()).append('\n');
            for (PointReading r : p.currentReadings()) {
                text.append("reading=").append(p.ordinal()).append('|').append(r.seriesIndex()).append('|')
                        .append(r.indicationValue() == null ? "-" : p.quantity(r.indicationValue())).append('|')
                        .append(p.quantity(r.additionalLoad())).append('|')
                        .append(r.frame() == null ? "-" : r.frame().id()).append('|').append(r.id()).append('\n');
                // typed values are signed too; a reading without them reads as it always did
                for (ReadingEntry e : r.entries()) {
                    text.append("entry=").append(p.ordinal()).append('|').append(r.seriesIndex()).append('|')
                            .append(e.name()).append('|').append(e).append('\n');
                }
            }
        }
        var env = job.currentEnvironment();
        if (env != null) {
            text.append("environment=").append(env.temperature().stripTrailingZeros().toPlainString()).append('|')
                    .append(env.humidity().stripTrailingZeros().toPlainString()).append('|')
                    .append(env.pressure() == null ? "" : env.pressure().stripTrailingZeros().toPlainString() + "|")
                    .append(env.deviation() == null ? "-" : env.deviation()).append('\n');
        }
        job.standards().forEach(u -> text.append("standard=").append(u.standard().code()).append('|')
                .append(u.standard().certificateNumber()).append('\n'));
        return text.toString();
    }

    public static String sha256(VerificationJob job) {
        return Sha256.hex(canonicalText(job));
    }
}
