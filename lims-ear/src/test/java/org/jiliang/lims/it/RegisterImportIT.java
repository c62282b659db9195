package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12's bulk import through the API: a spreadsheet full of mistakes has each on its row and column and imports
 * nothing; a good file registers its new rows whole (owners, sites, due dates) and leaves registered ones alone, and
 * importing it again changes nothing; a large import can be cancelled and then nothing of it is registered; only the
 * clerk and the administrator import.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class RegisterImportIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String HEADINGS = "使用单位代码,使用单位名称,使用单位地址,使用单位区县,使用地点,类别代码,器具名称,"
            + "制造单位,型号,出厂编号,资产编号,检定周期（月）,上次检定日期,上次证书编号";

    private final LimsApi clerk = LimsApi.as("clerk");
    private final String owner = "IMP-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    private JsonObject upload(String name, String type, byte[] body) {
        var reply = clerk.postBytes("/api/v1/registry/imports?name=" + name, type, body);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.object();
    }

    private JsonObject awaitEnd(long id, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            JsonObject status = clerk.get("/api/v1/registry/imports/" + id).object();
            if (!status.getString("state").equals("RUNNING")) {
                return status;
            }
            BenchFlow.sleep(200);
        }
        throw new AssertionError("import " + id + " still running after " + within);
    }

    private int dueRows() {
        return clerk.get("/api/v1/due?owner=" + owner).object().getInt("total");
    }

    @Test
    void aSpreadsheetFullOfMistakesHasEachOnItsRowAndColumnAndImportsNothing() throws IOException {
        byte[] xlsx = workbook(List.of(
                new Object[] {owner, "北湖农贸市场", "北湖路 8 号", "北湖区", "A 区", "NAWI", "电子秤", "凯丰", "ACS-30",
                        owner + "-1", "Z-1", 12, "2026-02-30", "P-1"},
                new Object[] {owner, "", "", "", "A 区", "SCALES", "电子秤", "凯丰", "ACS-30", owner + "-2", "Z-2", 12,
                        LocalDate.of(2026, 3, 1), "P-2"},
                new Object[] {owner, "", "", "", "A 区", "NAWI", "电子秤", "凯丰", "ACS-30", owner + "-1", "Z-3", 12,
                        LocalDate.of(2026, 3, 1), "P-3"},
                new Object[] {owner, "", "", "", "A 区", "NAWI", "电子秤", "凯丰", "ACS-30", owner + "-4", "Z-4", 0,
                        LocalDate.of(2026, 3, 1), "P-4"},
                new Object[] {owner, "", "", "", "A 区", "NAWI", "电子秤", "凯丰", "ACS-30", owner + "-5", "Z-5",
                        "十二", LocalDate.of(2026, 3, 1), "P-5"}));
        JsonObject preview = upload("mistakes.xlsx", XLSX, xlsx);
        assertThat(preview.getString("state")).isEqualTo("PREVIEWED");
        assertThat(preview.getInt("rows")).isEqualTo(5);
        assertThat(preview.getInt("problems")).isEqualTo(5);
        long id = preview.getJsonNumber("id").longValue();

        var problems = clerk.get("/api/v1/registry/imports/" + id + "/problems").object().getJsonArray("rows").stream()
                .map(JsonObject.class::cast).map(p -> p.getInt("row") + " " + p.getString("column") + " "
                        + p.getString("key")).toList();
        assertThat(problems).containsExactly("2 last_verified_on error.import.date", "3 category error.import.category",
                "4 serial_number error.import.duplicateSerial", "5 interval_months error.import.interval",
                "6 interval_months error.import.notWholeNumber");
        JsonObject first = clerk.get("/api/v1/registry/imports/" + id + "/problems?max=1").object().getJsonArray("rows")
                .getJsonObject(0);
        assertThat(first.getString("message")).contains("2026-02-30", "不是日期");
        assertThat(clerk.getEnglish("/api/v1/registry/imports/" + id + "/problems?max=1").object().getJsonArray("rows")
                .getJsonObject(0).getString("message")).contains("is not a date");

        var confirm = clerk.post("/api/v1/registry/imports/" + id + "/confirm", "{}");
        assertThat(confirm.status()).isEqualTo(409);
        assertThat(confirm.object().getString("error")).isEqualTo("error.import.hasProblems");
        assertThat(clerk.get("/api/v1/registry/customers").text()).doesNotContain(owner);
        assertThat(dueRows()).isZero();
    }

    @Test
    void aGoodFileImportsWholeAndImportingItAgainChangesNothing() {
        String csv = HEADINGS + "\r\n"
                + owner + ",东湖农贸市场,东湖路 3 号,东湖区,A 区,NAWI,电子计价秤,凯丰衡器,ACS-15," + owner + "-1,ZC-1,12,2026-03-01,P-1\r\n"
                + owner + ",,,,B 区,NAWI,电子计价秤,凯丰衡器,ACS-15," + owner + "-2,ZC-2,6,2026/6/1,P-2\r\n"
                + owner + ",,,,,FUEL_DISPENSER,燃油加油机,正星科技,ZX-1," + owner + "-3,ZC-3,6,,\r\n"
                + "C0002,,,,,NAWI,电子计价秤,凯丰衡器有限公司,ACS-30,KF-88123,,12,,\r\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        JsonObject preview = upload("register.csv", "text/csv", bytes);
        assertThat(preview.getInt("newRows")).isEqualTo(3);
        assertThat(preview.getInt("unchanged")).as("the demo market's scale, already registered").isEqualTo(1);
        assertThat(preview.getInt("problems")).isZero();
        assertThat(dueRows()).as("nothing before the confirmation").isZero();
        long id = preview.getJsonNumber("id").longValue();
        assertThat(clerk.post("/api/v1/registry/imports/" + id + "/confirm", "{}").status()).isEqualTo(200);
        JsonObject done = awaitEnd(id, Duration.ofSeconds(60));
        assertThat(done.getString("state")).as(done.toString()).isEqualTo("DONE");
        assertThat(done.getString("outcome")).contains("3 instruments registered", "1 new owners", "2 new sites");

        JsonObject due = clerk.get("/api/v1/due?owner=" + owner + "&sort=serialNumber").object();
        assertThat(due.getInt("total")).as("the fuel dispenser has no verification on record: no due date yet")
                .isEqualTo(2);
        assertThat(due.getJsonArray("rows").getJsonObject(0).getString("nextDueDate")).isEqualTo("2027-03-01");
        assertThat(due.getJsonArray("rows").getJsonObject(0).getString("district")).isEqualTo("东湖区");
        assertThat(due.getJsonArray("rows").getJsonObject(1).getString("nextDueDate")).isEqualTo("2026-12-01");
        assertThat(AccountAdministrationIT.lastAuditEntry(Long.toString(id), "register.imported").getString("newValue"))
                .contains("register.csv", "sha256 " + done.getString("sha256"));
        assertThat(clerk.post("/api/v1/registry/imports/" + id + "/confirm", "{}").object().getString("error"))
                .as("once only").isEqualTo("error.import.notPreviewed");

        JsonObject again = upload("register.csv", "text/csv", bytes);
        assertThat(again.getInt("newRows")).isZero();
        assertThat(again.getInt("unchanged")).isEqualTo(4);
        long second = again.getJsonNumber("id").longValue();
        assertThat(clerk.post("/api/v1/registry/imports/" + second + "/confirm", "{}").status()).isEqualTo(200);
        assertThat(awaitEnd(second, Duration.ofSeconds(60)).getString("state")).isEqualTo("DONE");
        assertThat(dueRows()).isEqualTo(2);
        assertThat(clerk.get("/api/v1/registry/customers").text()).contains(owner);
    }

    @Test
    void aLargeImportCanBeCancelledAndThenNothingOfItIsRegistered() {
        StringBuilder csv = new StringBuilder(HEADINGS).append("\n");
        for (int i = 1; i <= 20_000; i++) {
            csv.append(owner).append(i == 1 ? ",西山农贸市场,西山路 1 号,西山区" : ",,,").append(",A 区,NAWI,电子计价秤,凯丰衡器,ACS-6,")
                    .append(owner).append('-').append(i).append(",ZC-").append(i).append(",12,2026-03-01,P-")
                    .append(i).append('\n');
        }
        JsonObject preview = upload("large.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(preview.getInt("newRows")).isEqualTo(20_000);
        long id = preview.getJsonNumber("id").longValue();
        assertThat(clerk.post("/api/v1/registry/imports/" + id + "/confirm", "{}").status()).isEqualTo(200);
        var cancel = clerk.post("/api/v1/registry/imports/" + id + "/cancel", "{}");
        assertThat(cancel.status()).as(cancel.text()).isEqualTo(200);
        JsonObject ended = awaitEnd(id, Duration.ofSeconds(120));
        assertThat(ended.getString("state")).isEqualTo("CANCELLED");
        assertThat(ended.getString("outcome")).contains("nothing was registered");
        assertThat(dueRows()).isZero();
        assertThat(clerk.get("/api/v1/registry/customers").text()).doesNotContain(owner);
    }

    @Test
    void onlyTheClerkAndTheAdministratorImport() {
        byte[] csv = (HEADINGS + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(LimsApi.as("customer").postBytes("/api/v1/registry/imports?name=x.csv", "text/csv", csv).status())
                .isEqualTo(403);
        assertThat(LimsApi.as("technician").postBytes("/api/v1/registry/imports?name=x.csv", "text/csv", csv).status())
                .isEqualTo(403);
        assertThat(LimsApi.anonymous().postBytes("/api/v1/registry/imports?name=x.csv", "text/csv", csv).status())
                .isEqualTo(401);
        JsonObject mine = upload("empty.csv", "text/csv", csv);
        long id = mine.getJsonNumber("id").longValue();
        assertThat(mine.getInt("problems")).isEqualTo(1);
        assertThat(LimsApi.as("customer").get("/api/v1/registry/imports/" + id).status()).isEqualTo(403);
        assertThat(LimsApi.as("customer").get("/api/v1/registry/imports/" + id + "/problems").status()).isEqualTo(403);
        assertThat(LimsApi.anonymous().get("/api/v1/registry/imports/" + id).status()).isEqualTo(401);
        assertThat(clerk.get("/api/v1/registry/imports/999999999").status()).isEqualTo(404);
        var old = clerk.postBytes("/api/v1/registry/imports?name=old.xls", "application/octet-stream",
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
        assertThat(old.object().getString("error")).isEqualTo("error.import.oldExcel");
    }

    private static byte[] workbook(List<Object[]> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("登记册");
            String[] headings = HEADINGS.split(",");
            Row heading = sheet.createRow(0);
            for (int c = 0; c < headings.length; c++) {
                heading.createCell(c).setCellValue(headings[c]);
            }
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                Object[] values = rows.get(r);
                for (int c = 0; c < values.length; c++) {
                    var cell = row.createCell(c);
                    if (values[c] instanceof Integer n) {
                        cell.setCellValue(n);
                    } else if (values[c] instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(dateStyle);
                    } else {
                        cell.setCellValue(String.valueOf(values[c]));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
