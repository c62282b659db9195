package org.jiliang.lims.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.IOUtils;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.jiliang.lims.platform.RefusedException;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the rows of an import file as text: the first sheet of an .xlsx workbook (streamed, never the whole
 * workbook in memory; a date cell becomes yyyy-mm-dd whatever its display format), or a CSV file (RFC 4180 quotes;
 * UTF-8 with or without BOM, or GB18030 as Chinese spreadsheet programs save it). A file that is neither is
 * refused with the reason.
 */
public final class SheetReader {

    /** Rows an import may have (besides the heading). */
    public static final int MAX_ROWS = 100_000;
    /** The largest file accepted. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    private static final Charset GB18030 = Charset.forName("GB18030");

    private SheetReader() {
    }

    public static List<SheetRow> read(String fileName, byte[] content) {
        if (content.length == 0) {
            throw new RefusedException("error.import.empty", fileName);
        }
        if (content.length > MAX_BYTES) {
            throw new RefusedException("error.import.tooLarge", fileName, MAX_BYTES / 1024 / 1024);
        }
        boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        String lower = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (zip || lower.endsWith(".xlsx")) {
            if (!zip) {
                throw new RefusedException("error.import.notXlsx", fileName);
            }
            return xlsx(fileName, content);
        }
        if (lower.endsWith(".xls")) {
            throw new RefusedException("error.import.oldExcel", fileName);
        }
        return csv(fileName, text(content));
    }

    private static String text(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return new String(content, GB18030);
        }
    }

    static List<SheetRow> csv(String fileName, String text) {
        List<SheetRow> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int row = 1;
        int i = 0;
        char delimiter = delimiter(text);
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                add(fileName, rows, new SheetRow(row++, List.copyOf(cells)));
                cells.clear();
            } else {
                cell.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new RefusedException("error.import.openQuote", fileName, row);
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            add(fileName, rows, new SheetRow(row, List.copyOf(cells)));
        }
        return rows;
    }

    /** A comma, or a tab when the heading line has tabs and no commas (a sheet pasted as text). */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String heading = end < 0 ? text : text.substring(0, end);
        return heading.indexOf(',') < 0 && heading.indexOf('\t') >= 0 ? '\t' : ',';
    }

    private static void add(String fileName, List<SheetRow> rows, SheetRow row) {
        if (rows.size() > MAX_ROWS) {
            throw new RefusedException("error.import.tooManyRows", fileName, MAX_ROWS);
        }
        rows.add(row);
    }

    private static List<SheetRow> xlsx(String fileName, byte[] content) {
        // an .xlsx may declare huge parts: POI's own limits stand, and the file is at most MAX_BYTES
        IOUtils.setByteArrayMaxOverride(MAX_BYTES * 5);
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new RefusedException("error.import.noSheet", fileName);
            }
            Collector collector = new Collector(fileName);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, collector,
                        new IsoDates(), false));
                parser.parse(new InputSource(sheet));
            }
            return collector.rows;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                | org.apache.poi.ooxml.POIXMLException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw new RefusedException("error.import.unreadable", fileName, e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
    }

    /** Formats a date cell as yyyy-mm-dd, any other cell as the spreadsheet shows it. */
    private static final class IsoDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDate date = DateUtil.getLocalDateTime(value, use1904).toLocalDate();
                return date.toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String fileName;
        private final List<SheetRow> rows = new ArrayList<>();
        private List<String> cells;

        Collector(String fileName) {
            this.fileName = fileName;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            add(fileName, rows, new SheetRow(rowNum + 1, List.copyOf(cells)));
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = new org.apache.poi.ss.util.CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(formattedValue == null ? "" : formattedValue);
        }
    }
}
