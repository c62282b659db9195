package org.jiliang.lims.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 13's reverse traceability at the size of a province (docs/benchmarks.md §9): a PostgreSQL cluster and a
 * WildFly of its own, and in SQL 1 000 000 certificates of 1 000 000 jobs with 20 test points each (20 000 000), every
 * job using one of 1 000 standards over two years — one standard, S1, in one job of fifty. Twenty of S1's
 * certificates of the last eleven months are calibrations of twenty other standards, and twenty of theirs of twenty
 * more: a chain three levels deep. Then {@code GET /api/v1/standards/TB-S-0001/affected?since=} (a year back) against the same answer in one plain
 * recursive SQL query, with the query plans. Not a test: it measures.
 *
 * <pre>benchmarks/run traceability [certificates=1000000 points=20 reps=10]</pre>
 */
public final class TraceabilityBenchmark {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final int STANDARDS = 1_000;
    private static final int CALIBRATED = 20;

    private TraceabilityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> p = new LinkedHashMap<>(Map.of("certificates", 1_000_000, "points", 20, "reps", 10,
                "hold", 0));
        for (String a : args) {
            String[] kv = a.split("=", 2);
            p.put(kv[0], Integer.parseInt(kv[1]));
        }
        Path work = Files.createTempDirectory("lims-traceability-bench");
        try (PostgresCluster database = PostgresCluster.create()) {
            database.start();
            database.createDatabase("lims", "lims", "lims");
            try (WildFlyProcess wildfly = WildFlyProcess.copyOf(Path.of(System.getProperty("it.serverDir",
                    "lims-ear/target/server")), work.resolve("wildfly"))
                    .portOffset(WildFlyProcess.freePortOffset())
                    .demo(work.resolve("data"))
                    .postgresql(database, "lims")
                    .build()) {
                wildfly.start();
                String base = wildfly.baseUrl() + "/lims";
                try (Connection c = DriverManager.getConnection(database.jdbcUrl("lims"), "lims", "lims")) {
                    generate(c, p.get("certificates"), p.get("points"));
                    run(c, base, p.get("reps"));
                    if (p.get("hold") > 0) {
                        // to look at the server while it holds the data (thread dumps, plans): hold=<seconds>
                        System.out.println("holding " + base + " and " + database.jdbcUrl("lims") + " for "
                                + p.get("hold") + " s");
                        Thread.sleep(p.get("hold") * 1000L);
                    }
                }
            }
        } finally {
            PostgresCluster.deleteTree(work); // the server's copy and its data
        }
    }

    /**
     * Jobs over the two years before today, one a minute-and-a-bit apart; job g uses S1 when g is a multiple of 50,
     * else standard 1 + g % 1000. Certificates issued when the job was done; the points are the job's.
     */
    private static void generate(Connection c, int certificates, int points) throws Exception {
        Instant t0 = Instant.now();
        long spanSeconds = 2L * 365 * 24 * 3600;
        try (Statement s = c.createStatement()) {
            s.execute("insert into customer (code, name, address, contact_email) select 'TB' || g, '溯源单位 ' || g,"
                    + " '生成路 ' || g || ' 号', null from generate_series(1, 10000) g");
            s.execute("insert into instrument_under_test (customer_id, kind, category, description, manufacturer, model,"
                    + " serial_number, mandatory_verification, interval_months, next_due_date, legal_category, status)"
                    + " select c.id, 'OTHER', '生成类别', '生成器具', '生成厂', 'M' || (g % 50), 'TBI-' || g, true, 12,"
                    + " current_date + 100, 'NAWI', 'IN_SERVICE' from generate_series(1, 100000) g"
                    + " join customer c on c.code = 'TB' || (1 + g % 10000)");
            s.execute("insert into measurement_standard (code, name, accuracy, serial_number, certificate_number,"
                    + " traceable_to, calibrated_on, due_date, suspended) select 'TB-S-' || lpad(g::text, 4, '0'),"
                    + " '生成标准 ' || g, 'F1', 'TBS-' || g, 'UP-' || g, '国家质量基准', current_date - 800,"
                    + " current_date + 365, false from generate_series(1, " + STANDARDS + ") g");
            s.execute("create temporary table gen_job as select g, now() - make_interval(secs => " + spanSeconds
                    + " - g * " + spanSeconds / certificates + ") as at from generate_series(1, " + certificates + ") g");
            s.execute("insert into verification_job (job_number, instrument_id, verification_type, procedure_code,"
                    + " state, created_at) select 'TBJ-' || g, i.id, 'SUBSEQUENT', 'JJG 539-2016', 'APPROVED', at"
                    + " from gen_job join instrument_under_test i on i.serial_number = 'TBI-' || (1 + g % 100000)");
            s.execute("insert into job_standard (job_id, standard_id, selected_at, selected_by) select j.id, st.id,"
                    + " gj.at, (select id from user_account where username = 'technician') from gen_job gj"
                    + " join verification_job j on j.job_number = 'TBJ-' || gj.g join measurement_standard st on"
                    + " st.code = 'TB-S-' || lpad((case when gj.g % 50 = 0 then 1 else 1 + gj.g % " + STANDARDS
                    + " end)::text, 4, '0')");
            s.execute("insert into certificate (certificate_number, kind, job_id, customer_id, issued_at,"
                    + " verification_token, pdf_sha256) select 'TBC-' || gj.g, 'VERIFICATION_CERTIFICATE', j.id,"
                    + " i.customer_id, gj.at + interval '1 hour', md5('tb' || gj.g), md5('pdf' || gj.g) from gen_job gj"
                    + " join verification_job j on j.job_number = 'TBJ-' || gj.g join instrument_under_test i"
                    + " on i.id = j.instrument_id");
            s.execute("insert into test_point (job_id, ordinal, label, load_value, unit, mpe_value) select j.id, k,"
                    + " 'P' || k, k * 1.5, 'kg', 0.005 from verification_job j, generate_series(1, " + points + ") k"
                    + " where j.job_number like 'TBJ-%'");
            // the chain: level 2 standards 0002–0021 calibrated under the first twenty of S1's certificates of the
            // last 11 months, level 3 standards 0022–0041 under the first certificate of each level-2 standard after
            for (int level = 2; level <= 3; level++) {
                int first = level == 2 ? 2 : 2 + CALIBRATED;
                String under = level == 2
                        ? "(select c.id, c.issued_at, row_number() over (order by c.issued_at) n from certificate c join"
                                + " job_standard u on u.job_id = c.job_id join measurement_standard st on st.id ="
                                + " u.standard_id where st.code = 'TB-S-0001' and c.issued_at > now() - interval"
                                + " '11 months' order by c.issued_at limit " + CALIBRATED + ")"
                        : "(select d.id, d.issued_at, row_number() over (order by d.code) n from (select distinct"
                                + " on (st.code) c.id, c.issued_at, st.code from certificate c join job_standard u on"
                                + " u.job_id = c.job_id join measurement_standard st on st.id = u.standard_id join"
                                + " standard_calibration sc on sc.standard_id = st.id where st.code between 'TB-S-0002'"
                                + " and 'TB-S-0021' and c.issued_at > sc.calibrated_on + 1 order by st.code,"
                                + " c.issued_at) d)";
                s.execute("insert into standard_calibration (standard_id, calibrated_on, due_date, laboratory,"
                        + " certificate_number, internal_certificate_id, recorded_by, recorded_at) select st.id,"
                        + " (x.issued_at at time zone 'Asia/Shanghai')::date, (x.issued_at at time zone"
                        + " 'Asia/Shanghai')::date + 365, '本院', 'TBC-' || x.id, x.id, 'quality', now() from " + under
                        + " x join measurement_standard st on st.code = 'TB-S-' || lpad((" + first
                        + " + x.n - 1)::text, 4, '0')");
            }
            s.execute("vacuum analyze");
        }
        System.out.printf("generated %d certificates and %d test points in %d s%n", certificates,
                (long) certificates * points, Duration.between(t0, Instant.now()).toSeconds());
    }

    private static void run(Connection c, String base, int reps) throws Exception {
        LimsApi quality = LimsApi.as("quality").at(base).inSession();
        LocalDate since = TODAY.minusYears(1);
        String path = "/api/v1/standards/TB-S-0001/affected?since=" + since;
        JsonArray answer = quality.get(path).array();
        long[] byLevel = new long[4];
        for (JsonObject a : answer.getValuesAs(JsonObject.class)) {
            byLevel[Math.min(3, a.getInt("level"))]++;
        }
        int bare = bare(c, since);
        System.out.println();
        System.out.printf("S1 since %s: %d certificates (level 1: %d, level 2: %d, level 3: %d); bare SQL: %d%n", since,
                answer.size(), byLevel[1], byLevel[2], byLevel[3], bare);
        List<Long> api = SchedulingBenchmark.time(reps, () -> {
            var r = quality.get(path);
            if (r.status() != 200) {
                throw new IllegalStateException(r.text());
            }
        });
        List<Long> sql = SchedulingBenchmark.time(reps, () -> bare(c, since));
        System.out.printf("reverse traceability (GET …/affected): p95 %.0f ms   bare SQL p95 %.0f ms   ratio %.2f%n",
                SchedulingBenchmark.p95(api) / 1e6, SchedulingBenchmark.p95(sql) / 1e6,
                (double) SchedulingBenchmark.p95(api) / SchedulingBenchmark.p95(sql));
        System.out.println();
        SchedulingBenchmark.plan(c, "level 1: the certificates of S1's uses since the day, with their points",
                "select c.certificate_number, (select count(*) from test_point p where p.job_id = j.id) from"
                        + " job_standard u join verification_job j on j.id = u.job_id join certificate c on c.job_id"
                        + " = j.id join measurement_standard st on st.id = u.standard_id where st.code = 'TB-S-0001'"
                        + " and u.selected_at >= '" + since + "'::date");
    }

    /** The same answer in one recursive query: the standards level by level, then their uses' certificates. */
    private static int bare(Connection c, LocalDate since) throws Exception {
        String sql = "with recursive frontier (standard_id, from_at, until_at, level) as ("
                + " select id, (?::date)::timestamp at time zone 'Asia/Shanghai', null::timestamptz, 1"
                + " from measurement_standard where code = 'TB-S-0001'"
                + " union all select sc.standard_id, sc.calibrated_on::timestamp at time zone 'Asia/Shanghai',"
                + " (select min(n.calibrated_on) from standard_calibration n where n.standard_id = sc.standard_id"
                + " and n.calibrated_on > sc.calibrated_on)::timestamp at time zone 'Asia/Shanghai', f.level + 1"
                + " from frontier f join job_standard u on u.standard_id = f.standard_id and u.selected_at >= f.from_at"
                + " and (f.until_at is null or u.selected_at < f.until_at) join certificate c on c.job_id = u.job_id"
                + " join standard_calibration sc on sc.internal_certificate_id = c.id where f.level < 10)"
                + " select f.level, c.certificate_number, c.issued_at, j.job_number, cu.code, cu.name, i.description,"
                + " i.serial_number, st.code, (select count(*) from test_point p where p.job_id = j.id)"
                + " from frontier f join job_standard u on u.standard_id = f.standard_id and u.selected_at >= f.from_at"
                + " and (f.until_at is null or u.selected_at < f.until_at) join verification_job j on j.id = u.job_id"
                + " join certificate c on c.job_id = j.id join customer cu on cu.id = c.customer_id"
                + " join instrument_under_test i on i.id = j.instrument_id join measurement_standard st"
                + " on st.id = f.standard_id order by f.level, c.issued_at";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, since.toString());
            int rows = 0;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }
}
