package org.jiliang.reports.certificate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import org.jiliang.reports.signing.Certificates;
import org.jiliang.reports.signing.HttpTimeStampAuthority;
import org.jiliang.reports.signing.LoopbackTimeStampAuthority;
import org.jiliang.reports.signing.PadesSigner;
import org.jiliang.reports.signing.SigningKey;

/**
 * {@code benchmarks/run rendering} (docs/benchmarks.md §10): a verification certificate rendered by
 * {@link CertificateRenderer} against bare JasperReports — fill and export of the same compiled template with the same
 * parameters, prepared once — in the same run; then the same with the PAdES signature (B-B, and B-T with a loopback
 * authority) that every issued certificate now carries, and the throughput of two threads, one per core.
 *
 * <p>Arguments {@code name=value}: {@code n} certificates per measured round (200), {@code reps} rounds (7),
 * {@code warmup} rounds (3), {@code threads} (2), {@code parallel} certificates in the parallel round (2000).
 */
public final class RenderingBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], kv[1]);
        }
        int n = Integer.parseInt(a.getOrDefault("n", "200"));
        int reps = Integer.parseInt(a.getOrDefault("reps", "7"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "3"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "2"));
        int parallel = Integer.parseInt(a.getOrDefault("parallel", "2000"));

        CertificateRenderer renderer = new CertificateRenderer();
        CertificateDocument doc = SampleCertificate.verificationCertificate();
        Map<String, Object> prepared = CertificateParameters.of(doc, renderer.labels(), renderer.subreports());
        prepared.put("REVISION_NOTE", null);
        var template = renderer.template(doc.kind());
        Supplier<byte[]> bare = () -> {
            try {
                JasperPrint print = JasperFillManager.fillReport(template, new HashMap<>(prepared),
                        new JREmptyDataSource(1));
                return JasperExportManager.exportReportToPdf(print);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        Supplier<byte[]> ours = () -> renderer.renderPdf(doc);
        Instant now = Instant.now();
        SigningKey key = Certificates.documentSigner("CN=Benchmark document signing, C=CN", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)));
        Supplier<byte[]> signedBB = () -> PadesSigner.sign(renderer.renderPdf(doc), key,
                new PadesSigner.Details("benchmark", null, null, Instant.now()), null);
        try (LoopbackTimeStampAuthority tsa = LoopbackTimeStampAuthority.start(0, Clock.systemUTC())) {
            HttpTimeStampAuthority authority = new HttpTimeStampAuthority(tsa.uri(), Duration.ofSeconds(10));
            Supplier<byte[]> signedBT = () -> PadesSigner.sign(renderer.renderPdf(doc), key,
                    new PadesSigner.Details("benchmark", null, null, Instant.now()), authority);

            System.out.printf("Certificate rendering, %d certificates per round, %d rounds after %d warm-up rounds;"
                    + " medians (ms per certificate)%n", n, reps, warmup);
            double tBare = 0;
            double tOurs = 0;
            double tBB = 0;
            double tBT = 0;
            List<Double> bares = new ArrayList<>();
            List<Double> ourss = new ArrayList<>();
            List<Double> bbs = new ArrayList<>();
            List<Double> bts = new ArrayList<>();
            for (int round = 0; round < warmup + reps; round++) {
                // alternate which goes first, so neither always gets the warmer JIT
                List<Runnable> order = new ArrayList<>(List.of(
                        () -> bares.add(perCertificate(bare, n)), () -> ourss.add(perCertificate(ours, n)),
                        () -> bbs.add(perCertificate(signedBB, n)), () -> bts.add(perCertificate(signedBT, n))));
                if (round % 2 == 1) {
                    java.util.Collections.reverse(order);
                }
                order.forEach(Runnable::run);
                if (round < warmup) {
                    bares.clear();
                    ourss.clear();
                    bbs.clear();
                    bts.clear();
                }
            }
            tBare = median(bares);
            tOurs = median(ourss);
            tBB = median(bbs);
            tBT = median(bts);
            System.out.printf("  bare JasperReports fill + export : %7.2f ms%n", tBare);
            System.out.printf("  CertificateRenderer              : %7.2f ms   ratio (bare / ours) %.2f%n", tOurs,
                    tBare / tOurs);
            System.out.printf("  + PAdES B-B signature            : %7.2f ms   ratio %.2f%n", tBB, tBare / tBB);
            System.out.printf("  + PAdES B-T (loopback authority) : %7.2f ms   ratio %.2f%n", tBT, tBare / tBT);

            footprint(signedBT, n);

            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                var process = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean();
                for (int round = 0; round < 2; round++) { // the first warms the threads
                    long start = System.nanoTime();
                    long cpu = process.getProcessCpuTime();
                    List<Future<?>> done = new ArrayList<>();
                    int each = parallel / threads;
                    for (int t = 0; t < threads; t++) {
                        done.add(pool.submit(() -> perCertificate(signedBT, each)));
                    }
                    for (Future<?> f : done) {
                        f.get();
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    if (round == 1) {
                        // the whole process's CPU (the time-stamp authority's included), as ReissueBenchmark counts
                        // the server's
                        System.out.printf("  %d threads, rendered and signed B-T: %d in %.1f s = %.1f per second;"
                                + " 10 000 would take %.1f min; process CPU %.1f ms per certificate%n", threads,
                                each * threads, seconds, each * threads / seconds,
                                10_000 / (each * threads / seconds) / 60,
                                (process.getProcessCpuTime() - cpu) / 1e6 / (each * threads));
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static double perCertificate(Supplier<byte[]> render, int n) {
        long start = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            bytes += render.get().length;
        }
        if (bytes == 0) {
            throw new IllegalStateException("nothing rendered");
        }
        return (System.nanoTime() - start) / 1e6 / n;
    }

    /**
     * What one signed certificate weighs, in quantities that do not move with the machine's speed as times do: the
     * file, and the bytes the calling thread allocated and its CPU time (subreports fill on threads of their own,
     * so both are of the main report, the export and the signature).
     */
    private static void footprint(Supplier<byte[]> render, int n) {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long allocated = threads.getCurrentThreadAllocatedBytes();
        long cpu = threads.getCurrentThreadCpuTime();
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            bytes += render.get().length;
        }
        System.out.printf("  per B-T certificate: file %.1f KB, %.2f MB allocated and %.2f ms of CPU on the rendering"
                + " thread%n", bytes / 1e3 / n, (threads.getCurrentThreadAllocatedBytes() - allocated) / 1e6 / n,
                (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / n);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
