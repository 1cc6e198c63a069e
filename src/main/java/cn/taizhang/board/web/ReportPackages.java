package cn.taizhang.board.web;

import cn.taizhang.board.internal.BoardIssue;
import cn.taizhang.board.internal.EntryRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The upward report package of a sealed issue (BOARD-4: 上报县主管部门、县纪委、县委组织部): one ZIP
 * with the A4 poster (PDF), the entries as Excel, and a manifest naming the recipients from the
 * method, the code and the SM3 hash, so the county can verify what it received.
 */
@Component
class ReportPackages {

    private final Posters posters;
    private final MessageSource messages;

    ReportPackages(Posters posters, MessageSource messages) {
        this.posters = posters;
        this.messages = messages;
    }

    byte[] zip(BoardIssue issue, List<EntryRow> entries, String tenantName, String verifyLink, List<String> reportTo,
               Locale locale) {
        byte[] pdf = posters.pdf(issue, entries, tenantName, null, verifyLink, Posters.Size.A4, locale);
        try (var bytes = new ByteArrayOutputStream(); var zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            String base = issue.code();
            put(zip, base + "/" + base + "-A4.pdf", pdf);
            put(zip, base + "/" + base + ".xlsx", workbook(issue, entries, locale));
            put(zip, base + "/README.txt", manifest(issue, tenantName, verifyLink, reportTo, locale)
                    .getBytes(StandardCharsets.UTF_8));
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String manifest(BoardIssue issue, String tenantName, String verifyLink, List<String> reportTo,
                            Locale locale) {
        var fmt = new BoardFormat();
        return String.join("\r\n",
                msg("board.report.manifest.title", locale, tenantName, issue.boardName(), issue.period()),
                msg("board.report.manifest.to", locale, reportTo.isEmpty() ? "—" : String.join("、", reportTo)),
                msg("board.report.manifest.published", locale, fmt.time(issue.publishedAt()), issue.publishedBy()),
                msg("board.report.manifest.code", locale, issue.code(), String.valueOf(issue.chainSeq())),
                "SM3: " + issue.contentHash(),
                msg("board.report.manifest.previous", locale, issue.previousHash()),
                msg("board.report.manifest.verify", locale, verifyLink),
                issue.isCorrection() ? msg("board.poster.corrects", locale, issue.correctsCode(), issue.correctionReason())
                        : "",
                "");
    }

    private byte[] workbook(BoardIssue issue, List<EntryRow> entries, Locale locale) throws IOException {
        try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(issue.boardName());
            Row head = sheet.createRow(0);
            String[] keys = {"board.entry.name", "board.entry.post", "board.entry.fact", "board.entry.points",
                    "board.report.amountYuan", "board.entry.source"};
            for (int i = 0; i < keys.length; i++) {
                head.createCell(i).setCellValue(msg(keys[i], locale));
            }
            int r = 1;
            var fmt = new BoardFormat();
            for (EntryRow e : entries) {
                if (e.withdrawn()) {
                    continue;
                }
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(e.name());
                row.createCell(1).setCellValue(e.post() == null ? "" : e.post());
                row.createCell(2).setCellValue(e.fact());
                if (e.points() != null) {
                    row.createCell(3).setCellValue(e.points().doubleValue());
                }
                if (e.amountFen() != null) {
                    row.createCell(4).setCellValue(fmt.yuan(e.amountFen()));
                }
                row.createCell(5).setCellValue(e.sourceModule() + "/" + e.sourceId());
            }
            sheet.setColumnWidth(0, 16 * 256);
            sheet.setColumnWidth(1, 20 * 256);
            sheet.setColumnWidth(2, 60 * 256);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
