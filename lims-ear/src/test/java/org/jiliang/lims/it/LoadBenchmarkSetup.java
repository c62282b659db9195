package org.jiliang.lims.it;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the load benchmark ({@code benchmarks/run load}, docs/benchmarks.md §11) needs from the running demo server:
 * a signed certificate of the demo's customer C0001 made the way the lab makes one (a scale verified at the bench,
 * checked, approved), its PDF written to the given directory for Undertow to serve as a static file, and logged-in
 * sessions of the customer and of the quality manager, printed as shell assignments; with a file and a count, that many
 * more sessions of the quality manager, one cookie a line (each page user of the benchmark is a person with a session
 * of their own, as in a lab, rather than 50 clients on one session). Not a test.
 */
public final class LoadBenchmarkSetup {

    private LoadBenchmarkSetup() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        String number = BenchFlow.verifiedAndApproved(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO);
        var pdf = LimsApi.as("customer").get("/api/v1/certificates/" + number + "/pdf");
        if (pdf.status() != 200) {
            throw new IllegalStateException("the customer could not download " + number + ": " + pdf.status());
        }
        Files.write(directory.resolve("certificate.pdf"), pdf.body());
        System.out.println("NUMBER=" + number);
        System.out.println("PDF_BYTES=" + pdf.body().length);
        System.out.println("CUSTOMER_COOKIE=" + LimsApi.as("customer").inSession().cookie());
        System.out.println("QUALITY_COOKIE=" + LimsApi.as("quality").inSession().cookie());
        if (args.length == 3) {
            List<String> cookies = new ArrayList<>();
            for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                cookies.add(LimsApi.as("quality").inSession().cookie());
            }
            Files.write(Path.of(args[1]), cookies);
        }
    }
}
