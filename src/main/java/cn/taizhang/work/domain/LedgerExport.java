package cn.taizhang.work.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.Organisation;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;
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
    private final Organisation organisation;
    private final MessageSource messages;

    LedgerExport(DataSource dataSource, WorkItems work, Organisation organisation, MessageSource messages) {
        var template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.work = work;
        this.organisation = organisation;
        this.messages = messages;
    }

    /** Writes the user's ledger with the list's filters and sort (the keyset position and page size are ignored). */
    @Transactional(readOnly = true)
    public int export(cn.taizhang.shared.CurrentUser user, LedgerFilter filter, OutputStream out) throws IOException {
        Visibility v = work.visibility(user);
        long t = user.tenantId();
        // names from memory: a township has a few hundred units and people, joining them per row costs
        // more than the rest of the query (ids in a cell come in id order, so the names do too)
        Map<Long, String> units = new HashMap<>();
        organisation.tree(DataScope.wholeTenant(t), t, true).forEach(u -> units.put(u.id(), u.name()));
        Map<Long, String> people = new HashMap<>();
        organisation.people(DataScope.wholeTenant(t), t, null, null, true).forEach(p -> people.put(p.id(), p.name()));
        StringBuilder sql = new StringBuilder("""
                select w.id, w.ledger_code, w.title, w.category_name, w.source, w.lead_unit_id,
                       w.responsible_person_id, w.supervising_leader_id,
                       (select string_agg(a.unit_id::text, ',' order by a.unit_id) from work_item_assist a
                         where a.tenant_id = w.tenant_id and a.item_id = w.id) as assists,
                       (select string_agg(m.role || ':' || m.supervisor_assessor || ':' || m.person_id, ','
                                          order by m.person_id) from work_lead_member m
                         where m.tenant_id = w.tenant_id and m.item_id = w.id) as lead_group,
                       w.start_date, w.original_deadline, w.deadline, w.extension_count, w.state, w.light, w.progress,
                       r.occurred_at as report_at, r.body as report_text, w.target, w.measures, w.report_frequency
                from work_item w
                join org_unit u on u.tenant_id = w.tenant_id and u.id = w.lead_unit_id
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
                    write(sheet.createRow(next[0]++), rs, styles, new Names(units, people));
                });
            }
            wb.write(out);
            return next[0] - 1;
        }
    }

    /** Unit and person names by id. */
    private record Names(Map<Long, String> units, Map<Long, String> people) {

        String unit(long id) {
            return units.get(id);
        }

        String person(Long id) {
            return id == null ? null : people.get(id);
        }

        /** The names of comma-separated unit ids, joined with 、. */
        String units(String ids) {
            return ids == null ? null : Arrays.stream(ids.split(",")).map(i -> units.get(Long.parseLong(i)))
                    .collect(Collectors.joining("、"));
        }

        /** The names of the lead group members (role:assessor:id, comma-separated) that match. */
        String members(String group, String role, boolean onlyAssessor) {
            if (group == null) {
                return null;
            }
            String names = Arrays.stream(group.split(",")).map(m -> m.split(":"))
                    .filter(m -> onlyAssessor ? Boolean.parseBoolean(m[1]) : m[0].equals(role))
                    .map(m -> people.get(Long.parseLong(m[2]))).collect(Collectors.joining("、"));
            return names.isEmpty() ? null : names;
        }
    }

    private void write(Row row, ResultSet rs, Styles styles, Names names) throws SQLException {
        Locale zh = Locale.CHINA;
        String group = rs.getString("lead_group");
        OffsetDateTime reportAt = rs.getObject("report_at", OffsetDateTime.class);
        for (LedgerColumn column : LedgerColumn.values()) {
            Cell cell = row.createCell(column.ordinal());
            switch (column) {
                case CODE -> text(cell, rs.getString("ledger_code"));
                case TITLE -> text(cell, rs.getString("title"));
                case CATEGORY -> text(cell, rs.getString("category_name"));
                case SOURCE -> text(cell, label(WorkSource.valueOf(rs.getString("source")).messageKey(), zh));
                case LEAD_UNIT -> text(cell, names.unit(rs.getLong("lead_unit_id")));
                case ASSIST_UNITS -> text(cell, names.units(rs.getString("assists")));
                case RESPONSIBLE -> text(cell, names.person(rs.getLong("responsible_person_id")));
                case SUPERVISING_LEADER -> text(cell, names.person(rs.getObject("supervising_leader_id", Long.class)));
                case LEADER -> text(cell, names.members(group, "LEADER", false));
                case DEPUTIES -> text(cell, names.members(group, "DEPUTY", false));
                case SUPERVISOR_DEPUTY -> text(cell, names.members(group, null, true));
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
