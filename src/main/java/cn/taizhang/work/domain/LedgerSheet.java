package cn.taizhang.work.domain;

import cn.taizhang.shared.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/**
 * The first sheet of an uploaded ledger as text: its header row and the rows below it. Townships put
 * a title line above the header (五四镇2026年重点工作督办台账), so the header is the first of the
 * top ten rows that names at least two known columns. Date cells come out as ISO dates; empty rows
 * are skipped.
 *
 * @param headers the header row's cells, by column index
 * @param rows    the data rows in sheet order
 */
public record LedgerSheet(String sheetName, int headerRowNumber, List<String> headers, List<SheetRow> rows) {

    /** The most rows one import takes. */
    public static final int MAX_ROWS = 10_000;

    /** A data row: its number as Excel shows it, and its cells by column index. */
    public record SheetRow(int number, List<String> cells) {

        public String cell(Integer column) {
            return column == null || column >= cells.size() ? "" : cells.get(column);
        }
    }

    public static LedgerSheet read(InputStream in) throws IOException {
        Workbook wb;
        try {
            wb = WorkbookFactory.create(in);
        } catch (IOException | RuntimeException e) {
            throw new DomainException("ledgerxls.notExcel");
        }
        try (wb) {
            if (wb.getNumberOfSheets() == 0) {
                throw new DomainException("ledgerxls.noRows");
            }
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(java.util.Locale.CHINA);
            int headerIndex = headerRow(sheet, formatter);
            Row header = sheet.getRow(headerIndex);
            List<String> headers = header == null ? List.of() : cells(header, formatter, header.getLastCellNum());
            List<SheetRow> rows = new ArrayList<>();
            for (int r = headerIndex + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                List<String> cells = cells(row, formatter, Math.max(headers.size(), row.getLastCellNum()));
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw new DomainException("ledgerxls.tooManyRows", MAX_ROWS);
                }
                rows.add(new SheetRow(r + 1, cells));
            }
            if (rows.isEmpty()) {
                throw new DomainException("ledgerxls.noRows");
            }
            return new LedgerSheet(sheet.getSheetName(), headerIndex + 1, headers, rows);
        }
    }

    private static int headerRow(Sheet sheet, DataFormatter formatter) {
        Set<String> known = Arrays.stream(LedgerColumn.values()).flatMap(c -> c.headers().stream())
                .collect(Collectors.toSet());
        int first = Math.max(sheet.getFirstRowNum(), 0);
        for (int r = first; r <= Math.min(first + 9, sheet.getLastRowNum()); r++) {
            Row row = sheet.getRow(r);
            if (row != null && cells(row, formatter, row.getLastCellNum()).stream()
                    .map(LedgerSheet::normalise).filter(known::contains).count() >= 2) {
                return r;
            }
        }
        return first;
    }

    private static List<String> cells(Row row, DataFormatter formatter, int width) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            cells.add(text(row.getCell(c), formatter));
        }
        return cells;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            LocalDate d = cell.getLocalDateTimeCellValue().toLocalDate();
            return d.toString();
        }
        return formatter.formatCellValue(cell).strip();
    }

    /** A header as compared with the known ones: without blanks, a required mark or a note in brackets. */
    static String normalise(String header) {
        return header == null ? "" : header.replaceAll("[\\s*＊]", "").replaceAll("[（(].*?[）)]", "");
    }

    /** A column as the user finds it in Excel: its letter and header, e.g. C 类别. */
    public String columnName(int column) {
        String h = column < headers.size() ? headers.get(column) : "";
        return CellReference.convertNumToColString(column) + (h.isEmpty() ? "" : " " + h);
    }

    /** The columns the product proposes for each importable field, from the headers; unmatched ones are left out. */
    public Map<LedgerColumn, Integer> proposedMapping() {
        Map<LedgerColumn, Integer> mapping = new LinkedHashMap<>();
        List<String> normalised = headers.stream().map(LedgerSheet::normalise).toList();
        for (LedgerColumn column : LedgerColumn.importables()) {
            for (String h : column.headers()) {
                int i = normalised.indexOf(h);
                if (i >= 0 && !mapping.containsValue(i)) {
                    mapping.put(column, i);
                    break;
                }
            }
        }
        return mapping;
    }
}
