package cn.taizhang.work.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger (台账) as an Excel workbook, exactly as the list shows it filtered and sorted, limited to
 * what the user sees (LEDGER-1). Streamed both ways: PostgreSQL hands the rows over through a cursor
 * (fetch size, inside a read-only transaction) and POI keeps only a small window of rows in memory,
 * so 100,000 items export with a small heap. Written in Chinese, the layout {@link LedgerImport} reads.
 */
@Service
public class LedgerExport {

    /** Rows POI keeps in memory before flushing them to its temporary file. */
    private static final int WINDOW = 100;
    private static final int FETCH_SIZE = 500;
    static final String SHEET = "工作台账";

    private final NamedParameterJdbcTemplate jdbc;
    private final WorkItems work;
    private final MessageSource messages;

    LedgerExport(DataSource dataSource, WorkItems work, MessageSource messages) {
        var template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.work = work;
        this.messages = messages;
    }

    /** Writes the user's ledger with the list's filters and sort (the keyset position and page size are ignored). */
    @Transactional(readOnly = true)
    public int export(cn.taizhang.shared.CurrentUser user, LedgerFilter filter, OutputStream out) throws IOException {
        Visibility v = work.visibility(user);
        StringBuilder sql = new StringBuilder("""
                select w.id, w.ledger_code, w.title, w.category_name, w.source, u.name as lead_unit,
                       (select string_agg(au.name, '、' order by au.id) from work_item_assist a
                          join org_unit au on au.tenant_id = a.tenant_id and au.id = a.unit_id
                         where a.tenant_id = w.tenant_id and a.item_id = w.id) as assists,
                       p.name as responsible, sl.name as supervising,
                       (select string_agg(lp.name, '、' order by lp.id) from work_lead_member m
                          join person lp on lp.tenant_id = m.tenant_id and lp.id = m.person_id
                         where m.tenant_id = w.tenant_id and m.item_id = w.id and m.role = 'LEADER') as leader,
                       (select string_agg(lp.name, '、' order by lp.id) from work_lead_member m
                          join person lp on lp.tenant_id = m.tenant_id and lp.id = m.person_id
                         where m.tenant_id = w.tenant_id and m.item_id = w.id and m.role = 'DEPUTY') as deputies,
                       (select string_agg(lp.name, '、' order by lp.id) from work_lead_member m
                          join person lp on lp.tenant_id = m.tenant_id and lp.id = m.person_id
                         where m.tenant_id = w.tenant_id and m.item_id = w.id and m.supervisor_assessor) as assessor,
                       w.start_date, w.original_deadline, w.deadline, w.extension_count, w.state, w.light, w.progress,
                       r.occurred_at as report_at, r.body as report_text, w.target, w.measures, w.report_frequency
                from work_item w
                join org_unit u on u.tenant_id = w.tenant_id and u.id = w.lead_unit_id
                join person p on p.tenant_id = w.tenant_id and p.id = w.responsible_person_id
                left join person sl on sl.tenant_id = w.tenant_id and sl.id = w.supervising_leader_id
                left join lateral (select e.occurred_at, e.body from work_ledger_entry e
                                    where e.tenant_id = w.tenant_id and e.item_id = w.id and e.kind = 'REPORT'
                                    order by e.occurred_at desc, e.id desc limit 1) r on true
                where w.tenant_id = :t""");
        Map<String, Object> params = new LinkedHashMap<>();
        boolean any = WorkItemRepository.visibleAndFiltered(v, filter, sql, params);
        sql.append(WorkItemRepository.orderBy(filter.sort()));
        try (var wb = new SXSSFWorkbook(WINDOW)) {
            wb.setCompressTempFiles(true);
            Styles styles = new Styles(wb);
            SXSSFSheet sheet = wb.createSheet(SHEET);
            Row head = sheet.createRow(0);
            LedgerColumn[] columns = LedgerColumn.values();
            for (int i = 0; i < columns.length; i++) {
                Cell c = head.createCell(i);
                c.setCellValue(columns[i].header());
                c.setCellStyle(styles.header);
                sheet.setColumnWidth(i, width(columns[i]));
            }
            sheet.createFreezePane(2, 1);
            int[] next = {1};
            if (any) {
                jdbc.query(sql.toString(), params, (ResultSet rs) -> {
                    write(sheet.createRow(next[0]++), rs, styles);
                });
            }
            wb.write(out);
            return next[0] - 1;
        }
    }

    private void write(Row row, ResultSet rs, Styles styles) throws SQLException {
        Locale zh = Locale.CHINA;
        OffsetDateTime reportAt = rs.getObject("report_at", OffsetDateTime.class);
        for (LedgerColumn column : LedgerColumn.values()) {
            Cell cell = row.createCell(column.ordinal());
            switch (column) {
                case CODE -> text(cell, rs.getString("ledger_code"));
                case TITLE -> text(cell, rs.getString("title"));
                case CATEGORY -> text(cell, rs.getString("category_name"));
                case SOURCE -> text(cell, label(WorkSource.valueOf(rs.getString("source")).messageKey(), zh));
                case LEAD_UNIT -> text(cell, rs.getString("lead_unit"));
                case ASSIST_UNITS -> text(cell, rs.getString("assists"));
                case RESPONSIBLE -> text(cell, rs.getString("responsible"));
                case SUPERVISING_LEADER -> text(cell, rs.getString("supervising"));
                case LEADER -> text(cell, rs.getString("leader"));
                case DEPUTIES -> text(cell, rs.getString("deputies"));
                case SUPERVISOR_DEPUTY -> text(cell, rs.getString("assessor"));
                case START_DATE -> date(cell, rs.getObject("start_date", LocalDate.class), styles);
                case ORIGINAL_DEADLINE -> date(cell, rs.getObject("original_deadline", LocalDate.class), styles);
                case DEADLINE -> date(cell, rs.getObject("deadline", LocalDate.class), styles);
                case EXTENSIONS -> cell.setCellValue(rs.getInt("extension_count"));
                case STATE -> text(cell, label(WorkState.valueOf(rs.getString("state")).messageKey(), zh));
                case LIGHT -> text(cell, label(Light.valueOf(rs.getString("light")).messageKey(), zh));
                case PROGRESS -> cell.setCellValue(rs.getInt("progress"));
                case LAST_REPORT_DATE -> date(cell, reportAt == null ? null
                        : reportAt.atZoneSameInstant(WorkingCalendar.CHINA).toLocalDate(), styles);
                case LAST_REPORT_TEXT -> text(cell, rs.getString("report_text"));
                case TARGET -> text(cell, rs.getString("target"));
                case MEASURES -> text(cell, rs.getString("measures"));
                case REPORT_FREQUENCY -> text(cell,
                        label(ReportFrequency.valueOf(rs.getString("report_frequency")).messageKey(), zh));
                case SYSTEM_ID -> cell.setCellValue(rs.getLong("id"));
            }
        }
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static void text(Cell cell, String value) {
        if (value != null) {
            cell.setCellValue(value);
        }
    }

    private static void date(Cell cell, LocalDate value, Styles styles) {
        if (value != null) {
            cell.setCellValue(value);
            cell.setCellStyle(styles.date);
        }
    }

    private static int width(LedgerColumn c) {
        int chars = switch (c) {
            case TITLE, TARGET, MEASURES, LAST_REPORT_TEXT -> 30;
            case ASSIST_UNITS, DEPUTIES, LEAD_UNIT -> 18;
            case START_DATE, ORIGINAL_DEADLINE, DEADLINE, LAST_REPORT_DATE, CODE -> 12;
            default -> 10;
        };
        return chars * 256;
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle date;

        Styles(SXSSFWorkbook wb) {
            header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        }
    }
}
