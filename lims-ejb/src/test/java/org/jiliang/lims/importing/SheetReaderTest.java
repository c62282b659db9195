package org.jiliang.lims.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jiliang.lims.platform.RefusedException;
import org.junit.jupiter.api.Test;

class SheetReaderTest {

    @Test
    void csvWithQuotesCommasLineBreaksAndABom() {
        String csv = "\uFEFFowner_code,description\r\nC0100,\"秤, \"\"大\"\"\nA 区\"\r\nC0101,电子秤";
        List<SheetRow> rows = SheetReader.read("x.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).cell(0)).isEqualTo("owner_code");
        assertThat(rows.get(1).cell(1)).isEqualTo("秤, \"大\"\nA 区");
        assertThat(rows.get(2).number()).isEqualTo(3);
        assertThat(rows.get(2).cell(5)).as("past the row's end").isEmpty();
    }

    @Test
    void csvSavedAsGb18030ByAChineseSpreadsheetProgram() {
        byte[] gbk = "使用单位代码,器具名称\nC0100,电子计价秤\n".getBytes(Charset.forName("GB18030"));
        List<SheetRow> rows = SheetReader.read("x.csv", gbk);
        assertThat(rows.get(0).cell(0)).isEqualTo("使用单位代码");
        assertThat(rows.get(1).cell(1)).isEqualTo("电子计价秤");
    }

    @Test
    void anXlsxSheetIsReadAsTextWithDateCellsAsIsoDates() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("器具");
            Row heading = sheet.createRow(0);
            heading.createCell(0).setCellValue("出厂编号");
            heading.createCell(1).setCellValue("检定周期（月）");
            heading.createCell(3).setCellValue("上次检定日期");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("KF-1");
            row.createCell(1).setCellValue(12);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy年m月d日"));
            var cell = row.createCell(3);
            cell.setCellValue(LocalDate.of(2026, 3, 1));
            cell.setCellStyle(date);
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        List<SheetRow> rows = SheetReader.read("register.xlsx", xlsx);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).cell(0)).isEqualTo("KF-1");
        assertThat(rows.get(1).cell(1)).isEqualTo("12");
        assertThat(rows.get(1).cell(2)).as("an empty cell between").isEmpty();
        assertThat(rows.get(1).cell(3)).isEqualTo("2026-03-01");
    }

    @Test
    void whatIsNoSpreadsheetIsRefusedWithTheReason() {
        assertThatThrownBy(() -> SheetReader.read("old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("error.import.oldExcel"));
        assertThatThrownBy(() -> SheetReader.read("x.xlsx", "not a zip".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("error.import.notXlsx"));
        assertThatThrownBy(() -> SheetReader.read("broken.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0, 0}))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("error.import.unreadable"));
        assertThatThrownBy(() -> SheetReader.read("x.csv", new byte[0]))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("error.import.empty"));
        assertThatThrownBy(() -> SheetReader.read("x.csv", "a,\"b\nc".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("error.import.openQuote"));
    }
}
