package org.jiliang.lims.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 12's scheduling at the size of a province (docs/benchmarks.md §8): a PostgreSQL cluster and a WildFly of its
 * own, a register generated in SQL (200 000 owners, 1 000 000 instruments, 5 000 000 past verifications), then,
 * through the API, each against a bare baseline in the same run: the due list (several filters, page 1 and page
 * 500) against the same query in plain SQL; 受检率 for a year by district against its plain SQL; the daily recall
 * run over 3 000 newly due instruments (GreenMail receiving the letters); an import of 50 000 rows. It prints the
 * query plans the figures rely on. Not a test: it measures.
 *
 * <pre>benchmarks/run scheduling [owners=200000 instruments=1000000 verifications=5 reps=30]</pre>
 */
public final class SchedulingBenchmark {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String[] DISTRICTS = {"北湖区", "南湖区", "东湖区", "西山区", "江海新区", "临江县", "青石县", "白沙县",
        "金港区", "云岭县", "望江区", "石门县"};

    private SchedulingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> p = new LinkedHashMap<>(Map.of("owners", 200_000, "instruments", 1_000_000,
                "verifications", 5, "reps", 30, "imported", 50_000, "newlyDue", 3_000));
        for (String a : args) {
            String[] kv = a.split("=", 2);
            p.put(kv[0], Integer.parseInt(kv[1]));
        }
        // GreenMail says each of the day's thousands of messages at INFO
        System.setProperty("org.slf4j.simpleLogger.log.com.icegreen.greenmail", "warn");
        Path work = Files.createTempDirectory("lims-scheduling-bench");
        int smtpPort = LoopbackPorts.free();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (PostgresCluster database = PostgresCluster.create()) {
            database.start();
            database.createDatabase("lims", "lims", "lims");
            try (WildFlyProcess wildfly = WildFlyProcess.copyOf(Path.of(System.getProperty("it.serverDir",
                    "lims-ear/target/server")), work.resolve("wildfly"))
                    .portOffset(WildFlyProcess.freePortOffset())
                    .demo(work.resolve("data"))
                    .systemProperty("jiliang.smtp.port", Integer.toString(smtpPort))
                    .postgresql(database, "lims")
                    .build()) {
                wildfly.start();
                String base = wildfly.baseUrl() + "/lims";
                try (Connection c = DriverManager.getConnection(database.jdbcUrl("lims"), "lims", "lims")) {
                    generate(c, p.get("owners"), p.get("instruments"), p.get("verifications"));
                    run(c, base, p, smtp);
                }
            }
        } finally {
            smtp.stop();
            PostgresCluster.deleteTree(work);
        }
    }

    /** The register in SQL: owners in twelve districts, instruments of four categories, their past verifications. */
    private static void generate(Connection c, int owners, int instruments, int perInstrument) throws Exception {
        Instant t0 = Instant.now();
        try (Statement s = c.createStatement()) {
            // no e-mail addresses yet: the owners of the day's newly due instruments get one before the run
            s.execute("insert into customer (code, name, address, contact_email, district) select 'G' || g,"
                    + " '生成单位 ' || g, '生成路 ' || g || ' 号', null, (array["
                    + String.join(",", java.util.Arrays.stream(DISTRICTS).map(d -> "'" + d + "'").toList())
                    + "])[1 + g % " + DISTRICTS.length + "] from generate_series(1, " + owners + ") g");
            // four owners in five have sites: each a head shop (总店, a name every such owner uses), two in three
            // also a market stall (one of 120 market names across the districts), one in three also a store room
            // (one of 400 names)
            s.execute("insert into owner_site (customer_id, name, address, district) select c.id, case k when 1 then"
                    + " '总店' when 2 then c.district || '第' || (1 + o % 40) || '农贸市场' else '仓库 ' || (1 + o % 400) end,"
                    + " '生成路 ' || o || ' 号', c.district from generate_series(1, " + owners + ") o join customer c"
                    + " on c.code = 'G' || o cross join generate_series(1, 3) k where o % 5 <> 0 and k <= 1 + o % 3");
            // due dates spread over 15 months back to 11 ahead: about one in eight overdue; an instrument is at one
            // of its owner's sites, the one its number picks, if the owner has it (else at none)
            s.execute("insert into instrument_under_test (customer_id, kind, category, description, manufacturer, model,"
                    + " serial_number, mandatory_verification, interval_months, next_due_date, legal_category, status,"
                    + " last_verified_on, last_certificate, planned_edition, asset_number, district, site_id, site_name)"
                    + " select c.id, 'OTHER', '生成类别', '生成器具', '生成厂', 'M' || (g % 50), 'GS-' || g, true, 12,"
                    + " current_date + ((g::bigint * 7919) % 330 - 60)::int, (array['NAWI','NAWI','NAWI','SPHYGMOMANOMETER',"
                    + "'FUEL_DISPENSER','TAXIMETER'])[1 + g % 6], 'IN_SERVICE',"
                    + " current_date + ((g::bigint * 7919) % 330 - 60)::int - 365, 'GEN-' || g, 'JL-2026-1', 'A-' || g,"
                    + " c.district, st.id, st.name"
                    + " from generate_series(1, " + instruments + ") g join customer c on c.code = 'G' || (1 + g % "
                    + owners + ") left join owner_site st on st.customer_id = c.id and st.name = case g % 3 when 0"
                    + " then '总店' when 1 then c.district || '第' || (1 + (1 + g % " + owners + ") % 40) || '农贸市场'"
                    + " else '仓库 ' || (1 + (1 + g % " + owners + ") % 400) end");
            s.execute("insert into instrument_verification (instrument_id, verified_on, passed, certificate, closed_due,"
                    + " opened_due, category, district, mandatory) select i.id, i.last_verified_on - 365 * k"
                    + " + ((i.id * 31 + k) % 41 - 20)::int, ((i.id + k) % 17) <> 0, 'GEN-' || i.id || '-' || k,"
                    + " i.last_verified_on - 365 * k, i.last_verified_on - 365 * (k - 1), i.legal_category,"
                    + " c.district, true from instrument_under_test i join customer c on c.id = i.customer_id,"
                    + " generate_series(0, " + (perInstrument - 1) + ") k where i.serial_number like 'GS-%'"
                    // in the order they happened, as the register appends them: a year's records lie together
                    + " order by 2");
            // what autovacuum does to a table after a bulk load (statistics, and the visibility map that lets
            // counts read an index alone), done now rather than whenever it gets to it
            s.execute("vacuum analyze");
        }
        System.out.printf("generated %d owners, %d instruments, %d verifications in %d s%n", owners, instruments,
                (long) instruments * perInstrument, Duration.between(t0, Instant.now()).toSeconds());
    }

    private static void run(Connection c, String base, Map<String, Integer> p, GreenMail smtp) throws Exception {
        LimsApi clerk = LimsApi.as("clerk").at(base);
        // the pages' requests: a logged-in session (HTTP Basic pays a PBKDF2 check of the password per request,
        // measured on its own below)
        LimsApi clerkSession = clerk.inSession();
        LimsApi quality = LimsApi.as("quality").at(base).inSession();
        int reps = p.get("reps");
        System.out.println();
        System.out.println("due list (GET /api/v1/due, 25 rows) vs the same selection in plain SQL");
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("all", "");
        filters.put("overdue", "window=OVERDUE");
        filters.put("within 30 days", "window=WITHIN_30");
        filters.put("category NAWI", "category=NAWI");
        filters.put("district 北湖区", "district=北湖区");
        filters.put("owner G4711", "owner=G4711");
        // a name most owners give a site, and one that a few thousand instruments' sites carry
        filters.put("site 总店", "site=总店");
        filters.put("site 南湖区第2农贸市场", "site=南湖区第2农贸市场");
        for (var f : filters.entrySet()) {
            for (int page : new int[] {1, 500}) {
                String query = f.getValue() + (f.getValue().isEmpty() ? "" : "&") + "first=" + (page - 1) * 25
                        + "&max=25";
                List<Long> api = time(reps, () -> {
                    var r = clerkSession.get("/api/v1/due?" + query);
                    if (r.status() != 200) {
                        throw new IllegalStateException(r.text());
                    }
                });
                List<Long> sql = time(reps, () -> bareDueList(c, f.getValue(), (page - 1) * 25));
                System.out.printf("  %-16s page %3d: p95 %6.1f ms   bare SQL p95 %6.1f ms   ratio %.2f%n", f.getKey(),
                        page, p95(api) / 1e6, p95(sql) / 1e6, (double) p95(api) / p95(sql));
            }
        }

        List<Long> basic = time(reps, () -> clerk.get("/api/v1/due?owner=G4711&first=0&max=25"));
        List<Long> session = time(reps, () -> clerkSession.get("/api/v1/due?owner=G4711&first=0&max=25"));
        System.out.printf("  the same request (owner, page 1) with HTTP Basic: p95 %6.1f ms, in a session %6.1f ms:"
                + " the password check costs %.1f ms a request%n", p95(basic) / 1e6, p95(session) / 1e6,
                (p95(basic) - p95(session)) / 1e6);

        System.out.println();
        int year = TODAY.getYear();
        List<Long> figures = time(Math.max(5, reps / 3), () -> {
            var r = quality.get("/api/v1/figures/compliance?year=" + year + "&by=DISTRICT");
            if (r.status() != 200) {
                throw new IllegalStateException(r.text());
            }
        });
        List<Long> bareFigures = time(Math.max(5, reps / 3), () -> bareFigures(c, year));
        System.out.printf("受检率 %d by district: p95 %.0f ms   bare SQL p95 %.0f ms   ratio %.2f%n", year,
                p95(figures) / 1e6, p95(bareFigures) / 1e6, (double) p95(figures) / p95(bareFigures));

        System.out.println();
        // the steady state: yesterday's runs gave every notice due so far (written in SQL, as those runs would have)
        Instant t = Instant.now();
        try (Statement s = c.createStatement()) {
            for (String[] k : new String[][] {{"OVERDUE", "i.next_due_date < current_date"},
                {"DUE", "i.next_due_date = current_date"},
                {"ADVANCE", "i.next_due_date between current_date + 1 and current_date + 30"}}) {
                s.execute("insert into recall_letter (customer_id, kind, run_day, created_at, instruments, mail_state,"
                        + " mail_attempts) select i.customer_id, '" + k[0] + "', current_date - 1, now(), count(*),"
                        + " 'NO_ADDRESS', 0 from instrument_under_test i where i.serial_number like 'GS-%' and " + k[1]
                        + " group by i.customer_id");
                s.execute("insert into recall_notice (instrument_id, due_date, kind, letter_id) select i.id,"
                        + " i.next_due_date, '" + k[0] + "', l.id from instrument_under_test i join recall_letter l on"
                        + " l.customer_id = i.customer_id and l.kind = '" + k[0] + "' and l.run_day = current_date - 1"
                        + " where i.serial_number like 'GS-%' and " + k[1]);
            }
            s.execute("analyze");
        }
        System.out.printf("recall: yesterday's notices written in SQL in %d s%n",
                Duration.between(t, Instant.now()).toSeconds());
        int before = smtp.getReceivedMessages().length;
        try (Statement s = c.createStatement()) {
            // a day's newly due: instruments entering the 30-day window today
            s.execute("update instrument_under_test set next_due_date = current_date + 30 where id in (select id"
                    + " from instrument_under_test where serial_number like 'GS-%' and next_due_date > current_date + 30"
                    + " order by id limit " + p.get("newlyDue") + ")");
            // their owners have e-mail addresses: the day's letters are mailed
            s.execute("update customer set contact_email = 'owner' || id || '@bench.example' where id in (select"
                    + " customer_id from instrument_under_test where next_due_date = current_date + 30)");
        }
        t = Instant.now();
        // measured whatever it takes (the target is 30 s; the client's usual limit is the same 30 s)
        JsonObject day = clerk.waiting(Duration.ofMinutes(10)).post("/api/v1/recall/run", "{}").object();
        System.out.printf("recall: a day's run over %d newly due instruments: %s in %.1f s (%d e-mails)%n",
                p.get("newlyDue"), day, Duration.between(t, Instant.now()).toMillis() / 1000.0,
                smtp.getReceivedMessages().length - before);

        System.out.println();
        StringBuilder csv = new StringBuilder("owner_code,owner_name,owner_address,owner_district,category,description,"
                + "manufacturer,model,serial_number,asset_number,interval_months,last_verified_on,last_certificate\n");
        for (int i = 1; i <= p.get("imported"); i++) {
            csv.append("IMPB-").append(i % 2000).append(",导入单位 ").append(i % 2000).append(",导入路 1 号,北湖区,NAWI,"
                    + "电子计价秤,导入厂,IM-1,IMP-").append(i).append(",IA-").append(i).append(",12,2026-03-01,P-")
                    .append(i).append('\n');
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        t = Instant.now();
        var preview = clerk.postBytes("/api/v1/registry/imports?name=bench.csv", "text/csv", file).object();
        double previewSeconds = Duration.between(t, Instant.now()).toMillis() / 1000.0;
        long id = preview.getJsonNumber("id").longValue();
        clerk.post("/api/v1/registry/imports/" + id + "/confirm", "{}");
        JsonObject[] status = new JsonObject[1];
        Waits.awaitTrue(() -> !(status[0] = clerk.get("/api/v1/registry/imports/" + id).object()).getString("state")
                .equals("RUNNING"), Duration.ofMinutes(10), () -> "the import of " + p.get("imported") + " rows: "
                + status[0]);
        System.out.printf("import of %d rows: preview %.1f s, then %s, %.1f s from upload to done%n",
                p.get("imported"), previewSeconds, status[0].getString("outcome"),
                Duration.between(t, Instant.now()).toMillis() / 1000.0);

        System.out.println();
        System.out.println("query plans (EXPLAIN ANALYZE of the bare SQL above):");
        plan(c, "due list, district 北湖区, page 500", bareDueListSql("district=北湖区", 499 * 25));
        plan(c, "due list, district 北湖区, count (page 500)", bareDueCountSql("district=北湖区", 499 * 25));
        plan(c, "due list, all, page 500", bareDueListSql("", 499 * 25));
        plan(c, "due list, site 总店, page 500", bareDueListSql("site=总店", 499 * 25));
        plan(c, "due list, site 总店, count (page 500)", bareDueCountSql("site=总店", 499 * 25));
        plan(c, "due list, site 南湖区第2农贸市场, page 1", bareDueListSql("site=南湖区第2农贸市场", 0));
        plan(c, "due list, site 南湖区第2农贸市场, count (page 1)", bareDueCountSql("site=南湖区第2农贸市场", 0));
        plan(c, "due list, overdue, page 1", bareDueListSql("window=OVERDUE", 0));
        plan(c, "受检率 by district, cycles closed", closedCyclesSql(year));
        plan(c, "受检率 by district, verifications made", madeSql(year));
        plan(c, "受检率 by district, open cycles", openCyclesSql(year));
    }

    /** The due list's page in plain SQL, as DueList builds it (rows and count). */
    private static void bareDueList(Connection c, String filter, int offset) {
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery(bareDueListSql(filter, offset))) {
                while (r.next()) {
                    r.getLong(1);
                }
            }
            try (ResultSet r = s.executeQuery(bareDueCountSql(filter, offset))) {
                r.next();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String where(String filter) {
        String w = "i.status = 'IN_SERVICE' and ";
        if (filter.equals("window=OVERDUE")) {
            w += "i.next_due_date < current_date";
        } else if (filter.equals("window=WITHIN_30")) {
            w += "i.next_due_date between current_date and current_date + 30";
        } else {
            w += "i.next_due_date is not null";
        }
        if (filter.startsWith("category=")) {
            w += " and i.legal_category = '" + filter.substring(9) + "'";
        } else if (filter.startsWith("district=")) {
            w += " and i.district = '" + filter.substring(9) + "'";
        } else if (filter.startsWith("owner=")) {
            w += " and c.code = '" + filter.substring(6) + "'";
        } else if (filter.startsWith("site=")) {
            w += " and i.site_name = '" + filter.substring(5) + "'";
        }
        return w;
    }

    /** The owner, joined only when the filter is on it, as DueList does (the site's name is on the instrument). */
    private static String joins(String filter) {
        return filter.startsWith("owner=") ? " join customer c on c.id = i.customer_id" : "";
    }

    /** The page as DueList reads it: the page's ids on the due-date index, then their rows with owner and site. */
    private static String bareDueListSql(String filter, int offset) {
        return "select i.id, c.code, c.name, s.name, i.district, i.legal_category,"
                + " i.description, i.manufacturer, i.model, i.serial_number, i.asset_number, i.last_verified_on,"
                + " i.last_certificate, i.next_due_date from instrument_under_test i join customer c on c.id ="
                + " i.customer_id left join owner_site s on s.id = i.site_id where i.id in (select i.id from"
                + " instrument_under_test i" + joins(filter) + " where " + where(filter) + " order by i.next_due_date, i.id offset " + offset + " limit 25)"
                + " order by i.next_due_date, i.id";
    }

    /** The count as DueList makes it: up to the page's end and 10 000 rows more, the owner joined only by its code. */
    private static String bareDueCountSql(String filter, int offset) {
        return "select count(*) from (select i.id from instrument_under_test i" + joins(filter) + " where "
                + where(filter) + " limit " + (offset + 25 + 10_000 + 1) + ") x";
    }

    /** Cycles due in the year and closed by a verification (up to today), as ComplianceFigures counts them. */
    private static String closedCyclesSql(int year) {
        return "select v.district, count(*), sum(case when v.verified_on <= v.closed_due then 1 else 0 end)"
                + " from instrument_verification v where v.closed_due between '" + year + "-01-01' and least(date '"
                + year + "-12-31', current_date) and v.mandatory group by v.district";
    }

    /** Verifications made in the year and how many passed. */
    private static String madeSql(int year) {
        return "select v.district, count(*), sum(case when v.passed then 1 else 0 end) from instrument_verification v"
                + " where v.verified_on between '" + year + "-01-01' and least(date '" + year + "-12-31',"
                + " current_date) and v.mandatory group by v.district";
    }

    private static String openCyclesSql(int year) {
        return "select i.district, count(i.id) from instrument_under_test i where i.status = 'IN_SERVICE'"
                + " and i.mandatory_verification and i.legal_category in ('NAWI', 'WEIGHT', 'SPHYGMOMANOMETER',"
                + " 'NIBP', 'FUEL_DISPENSER', 'TAXIMETER', 'PRESSURE_GAUGE', 'ECG') and i.next_due_date between '"
                + year + "-01-01' and current_date - 1 group by i.district";
    }

    private static void bareFigures(Connection c, int year) {
        try (Statement s = c.createStatement()) {
            for (String sql : new String[] {closedCyclesSql(year), madeSql(year), openCyclesSql(year)}) {
                try (ResultSet r = s.executeQuery(sql)) {
                    while (r.next()) {
                        r.getString(1);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void plan(Connection c, String title, String sql) throws Exception {
        System.out.println("-- " + title);
        try (PreparedStatement s = c.prepareStatement("explain (analyze, buffers) " + sql);
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                System.out.println("   " + r.getString(1));
            }
        }
    }

    interface Step {
        void run() throws Exception;
    }

    static List<Long> time(int reps, Step step) throws Exception {
        for (int i = 0; i < 3; i++) {
            step.run();
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            step.run();
            times.add(System.nanoTime() - t0);
        }
        return times;
    }

    static long p95(List<Long> times) {
        List<Long> sorted = times.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1));
    }
}
