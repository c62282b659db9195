package org.jiliang.lims.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A list exported as an .xlsx workbook of one sheet (issue 12), read a page at a time and written as it streams
 * ({@link SXSSFWorkbook}: a hundred rows in memory), the same selection as the CSV export of the list. A number
 * (a count, an amount) is a number cell the reader can sum; everything else is text, never taken for a formula.
 */
final class XlsxExport {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private XlsxExport() {
    }

    /** A row's cells: a {@link Number} is written as a number, anything else as its text, null as empty. */
    interface Cells<T> {
        List<?> of(T row);
    }

    /** A list already in memory (a report of a few hundred lines), written as one page. */
    static <T> Response of(String fileName, String sheetName, List<String> headings, List<T> rows, Cells<T> cells) {
        return of(fileName, sheetName, headings, rows.size() + 1, (first, max) -> first == 0 ? rows : List.of(), cells);
    }

    static <T> Response of(String fileName, String sheetName, List<String> headings, int pageSize,
            CsvExport.Pages<T> pages, Cells<T> cells) {
        List<T> first = pages.read(0, pageSize);
        StreamingOutput body = out -> {
            try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
                Sheet sheet = workbook.createSheet(sheetName);
                Row heading = sheet.createRow(0);
                for (int c = 0; c < headings.size(); c++) {
                    heading.createCell(c).setCellValue(headings.get(c));
                }
                int rowNumber = 1;
                List<T> page = first;
                int read = 0;
                while (true) {
                    for (T item : page) {
                        Row row = sheet.createRow(rowNumber++);
                        List<?> values = cells.of(item);
                        for (int c = 0; c < values.size(); c++) {
                            Object value = values.get(c);
                            if (value instanceof Number n) {
                                row.createCell(c).setCellValue(n.doubleValue());
                            } else {
                                row.createCell(c).setCellValue(value == null ? "" : value.toString());
                            }
                        }
                    }
                    read += page.size();
                    if (page.size() < pageSize) {
                        break;
                    }
                    page = pages.read(read, pageSize);
                }
                workbook.write(out);
                workbook.dispose();
            }
        };
        return Response.ok(body, MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
