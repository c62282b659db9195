package org.jiliang.lims.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jiliang.lims.measurement.TestPoint;

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
                .append("type=").append(job.verificationType().name()).append('\n')
                .append("procedure=").append(job.procedureCode()).append('\n');
        for (TestPoint p : job.testPoints()) {
            text.append("point=").append(p.ordinal()).append('|').append(p.label()).append('|')
                    .append(p.load()).append('|').append(p.indication()).append('|')
                    .append(p.error()).append('|').append(p.mpe()).append('|').append(p.verdict()).append('|')
                    .append(p.frame() == null ? "-" : p.frame().id()).append('|')
                    .append(p.current() == null ? "-" : p.current().id()).append('\n');
        }
        var env = job.currentEnvironment();
        if (env != null) {
            text.append("environment=").append(env.temperature().stripTrailingZeros().toPlainString()).append('|')
                    .append(env.humidity().stripTrailingZeros().toPlainString()).append('|')
                    .append(env.deviation() == null ? "-" : env.deviation()).append('\n');
        }
        job.standards().forEach(u -> text.append("standard=").append(u.standard().code()).append('|')
                .append(u.standard().certificateNumber()).append('\n'));
        return text.toString();
    }

    public static String sha256(VerificationJob job) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalText(job).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
