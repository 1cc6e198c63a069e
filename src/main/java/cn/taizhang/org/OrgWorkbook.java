package cn.taizhang.org;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import cn.taizhang.shared.DomainException;

/**
 * The org tree and its people as an Excel workbook, the form townships keep them in (REPORT-3).
 * Export writes two sheets, 单位 and 人员; import reads the same layout back. An import is checked
 * whole first: if any row is wrong, nothing is stored and every wrong cell is reported; otherwise
 * every row is created or updated (matched by code) in one transaction, journalled row by row.
 */
@Service
public class OrgWorkbook {

    static final String UNITS = "单位";
    static final String PEOPLE = "人员";
    static final List<String> UNIT_COLUMNS = List.of("编码", "名称", "类别", "上级编码", "排序", "状态");
    static final List<String> PEOPLE_COLUMNS = List.of("编号", "姓名", "性别", "单位编码", "职务", "职务名称", "职级",
            "电话", "B岗编号", "状态");
    private static final String ACTIVE = "在用";
    private static final String INACTIVE = "停用";

    private final Organisation organisation;
    private final MessageSource messages;

    OrgWorkbook(Organisation organisation, MessageSource messages) {
        this.organisation = organisation;
        this.messages = messages;
    }

    // ---------------------------------------------------------------- export

    public void export(DataScope scope, long tenantId, OutputStream out) throws IOException {
        List<OrgUnit> units = organisation.tree(scope, tenantId, true);
        Map<Long, OrgUnit> byId = units.stream().collect(Collectors.toMap(OrgUnit::id, Function.identity()));
        List<Person> people = organisation.people(scope, tenantId, null, null, true).stream()
                .sorted(java.util.Comparator.comparing(Person::code)).toList();
        Map<Long, Person> peopleById = people.stream().collect(Collectors.toMap(Person::id, Function.identity()));
        try (var wb = new SXSSFWorkbook(200)) {
            CellStyle header = headerStyle(wb);
            Sheet us = sheet(wb, UNITS, UNIT_COLUMNS, header);
            int r = 1;
            for (OrgUnit u : units) {
                OrgUnit parent = u.parentId() == null ? null : byId.get(u.parentId());
                write(us.createRow(r++), u.code(), u.name(), label(u.kind().messageKey()),
                        parent == null ? "" : parent.code(), String.valueOf(u.sortOrder()), u.active() ? ACTIVE : INACTIVE);
            }
            Sheet ps = sheet(wb, PEOPLE, PEOPLE_COLUMNS, header);
            r = 1;
            for (Person p : people) {
                OrgUnit unit = byId.get(p.unitId());
                Person backup = p.backupPersonId() == null ? null : peopleById.get(p.backupPersonId());
                write(ps.createRow(r++), p.code(), p.name(), nz(p.gender()), unit == null ? "" : unit.code(),
                        label(p.position().messageKey()), nz(p.title()), label(p.rank().messageKey()), nz(p.phone()),
                        backup == null ? "" : backup.code(), p.active() ? ACTIVE : INACTIVE);
            }
            wb.write(out);
            wb.dispose();
        }
    }

    private static Sheet sheet(Workbook wb, String name, List<String> columns, CellStyle header) {
        Sheet sheet = wb.createSheet(name);
        Row row = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell c = row.createCell(i);
            c.setCellValue(columns.get(i));
            c.setCellStyle(header);
            sheet.setColumnWidth(i, 14 * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private static CellStyle headerStyle(Workbook wb) {
        CellStyle style = wb.createCellStyle();
        Font bold = wb.createFont();
        bold.setBold(true);
        style.setFont(bold);
        return style;
    }

    private static void write(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    private String label(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    // ---------------------------------------------------------------- import

    /** What an import did, or why it stored nothing. */
    public record ImportResult(List<ImportProblem> problems, int unitsCreated, int unitsUpdated, int peopleCreated,
                               int peopleUpdated) {
        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    record UnitRow(int row, String code, String name, UnitKind kind, String parentCode, int sortOrder, boolean active) {
    }

    record PersonRow(int row, String code, String name, String gender, String unitCode, Position position,
                     String title, Rank rank, String phone, String backupCode, boolean active) {
    }

    @Transactional
    public ImportResult importWorkbook(DataScope scope, long tenantId, InputStream in) {
        if (!scope.mayEditUnits() || !scope.tenantIds().contains(tenantId)) {
            throw new cn.taizhang.shared.AccessDeniedException();
        }
        List<ImportProblem> problems = new ArrayList<>();
        Workbook wb;
        try {
            wb = WorkbookFactory.create(in);
        } catch (IOException | RuntimeException e) {
            return rejected(List.of(new ImportProblem("", 0, "", "import.notAWorkbook")));
        }
        try (wb) {
            Sheet us = wb.getSheet(UNITS);
            Sheet ps = wb.getSheet(PEOPLE);
            if (us == null && ps == null) {
                return rejected(List.of(new ImportProblem("", 0, "", "import.noSheets", UNITS, PEOPLE)));
            }
            List<UnitRow> unitRows = us == null ? List.of() : readUnits(us, problems);
            List<PersonRow> personRows = ps == null ? List.of() : readPeople(ps, problems);
            Map<String, OrgUnit> existingUnits = organisation.tree(scope, tenantId, true).stream()
                    .collect(Collectors.toMap(OrgUnit::code, Function.identity()));
            Map<String, Person> existingPeople = organisation.people(scope, tenantId, null, null, true).stream()
                    .collect(Collectors.toMap(Person::code, Function.identity()));
            checkUnits(unitRows, existingUnits, problems);
            checkPeople(personRows, unitRows, existingUnits, existingPeople, problems);
            if (!problems.isEmpty()) {
                return rejected(problems);
            }
            try {
                return store(scope, tenantId, unitRows, personRows, existingUnits, existingPeople);
            } catch (RowRefused e) {
                // a rule of the org tree refused a row the checks above let through: store none of it
                TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
                return rejected(List.of(e.problem));
            }
        } catch (IOException e) {
            return rejected(List.of(new ImportProblem("", 0, "", "import.notAWorkbook")));
        }
    }

    private static ImportResult rejected(List<ImportProblem> problems) {
        return new ImportResult(List.copyOf(problems), 0, 0, 0, 0);
    }

    private List<UnitRow> readUnits(Sheet sheet, List<ImportProblem> problems) {
        Map<String, Integer> cols = columns(sheet, UNIT_COLUMNS, problems);
        if (cols == null) {
            return List.of();
        }
        Map<String, UnitKind> kinds = labels(UnitKind.values(), UnitKind::messageKey);
        List<UnitRow> rows = new ArrayList<>();
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            Row row = sheet.getRow(i);
            if (blank(row)) {
                continue;
            }
            int excelRow = i + 1;
            String code = cell(row, cols, "编码");
            String name = cell(row, cols, "名称");
            String kindText = cell(row, cols, "类别");
            String sort = cell(row, cols, "排序");
            String status = cell(row, cols, "状态");
            require(UNITS, excelRow, "编码", code, problems);
            require(UNITS, excelRow, "名称", name, problems);
            UnitKind kind = kinds.get(kindText);
            if (kind == null) {
                problems.add(new ImportProblem(UNITS, excelRow, "类别", "import.unknownValue", kindText,
                        hint(UnitKind.values(), UnitKind::messageKey)));
            }
            int sortOrder = 0;
            if (!sort.isEmpty()) {
                try {
                    sortOrder = (int) Double.parseDouble(sort);
                } catch (NumberFormatException e) {
                    problems.add(new ImportProblem(UNITS, excelRow, "排序", "import.notANumber", sort));
                }
            }
            Boolean active = status(status, UNITS, excelRow, problems);
            rows.add(new UnitRow(excelRow, code, name, kind, cell(row, cols, "上级编码"), sortOrder,
                    active == null || active));
        }
        return rows;
    }

    private List<PersonRow> readPeople(Sheet sheet, List<ImportProblem> problems) {
        Map<String, Integer> cols = columns(sheet, PEOPLE_COLUMNS, problems);
        if (cols == null) {
            return List.of();
        }
        Map<String, Position> positions = labels(Position.values(), Position::messageKey);
        Map<String, Rank> ranks = labels(Rank.values(), Rank::messageKey);
        List<PersonRow> rows = new ArrayList<>();
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            Row row = sheet.getRow(i);
            if (blank(row)) {
                continue;
            }
            int excelRow = i + 1;
            String code = cell(row, cols, "编号");
            String name = cell(row, cols, "姓名");
            require(PEOPLE, excelRow, "编号", code, problems);
            require(PEOPLE, excelRow, "姓名", name, problems);
            require(PEOPLE, excelRow, "单位编码", cell(row, cols, "单位编码"), problems);
            String positionText = cell(row, cols, "职务");
            Position position = positions.get(positionText);
            if (position == null) {
                problems.add(new ImportProblem(PEOPLE, excelRow, "职务", "import.unknownValue", positionText,
                        hint(Position.values(), Position::messageKey)));
            }
            String rankText = cell(row, cols, "职级");
            Rank rank = rankText.isEmpty() ? Rank.NONE : ranks.get(rankText);
            if (rank == null) {
                problems.add(new ImportProblem(PEOPLE, excelRow, "职级", "import.unknownValue", rankText,
                        hint(Rank.values(), Rank::messageKey)));
            }
            String gender = cell(row, cols, "性别");
            if (!gender.isEmpty() && !Set.of("男", "女").contains(gender)) {
                problems.add(new ImportProblem(PEOPLE, excelRow, "性别", "import.unknownValue", gender, "男、女"));
            }
            String phone = cell(row, cols, "电话");
            if (!phone.isEmpty() && !phone.matches("[0-9+\\- ]{5,30}")) {
                problems.add(new ImportProblem(PEOPLE, excelRow, "电话", "form.phone.invalid"));
            }
            Boolean active = status(cell(row, cols, "状态"), PEOPLE, excelRow, problems);
            rows.add(new PersonRow(excelRow, code, name, gender.isEmpty() ? null : gender, cell(row, cols, "单位编码"),
                    position, cell(row, cols, "职务名称"), rank, phone, cell(row, cols, "B岗编号"),
                    active == null || active));
        }
        return rows;
    }

    private void checkUnits(List<UnitRow> rows, Map<String, OrgUnit> existing, List<ImportProblem> problems) {
        Map<String, UnitRow> byCode = new HashMap<>();
        for (UnitRow r : rows) {
            if (r.code().isEmpty()) {
                continue;
            }
            if (byCode.putIfAbsent(r.code(), r) != null) {
                problems.add(new ImportProblem(UNITS, r.row(), "编码", "import.duplicateCode", r.code(),
                        byCode.get(r.code()).row()));
            }
        }
        for (UnitRow r : rows) {
            OrgUnit current = existing.get(r.code());
            boolean isRoot = current != null && current.parentId() == null;
            if (r.kind() != null && r.kind().isRoot() != isRoot) {
                problems.add(new ImportProblem(UNITS, r.row(), "类别", isRoot ? "unit.rootKind" : "unit.onlyOneRoot"));
            }
            if (isRoot) {
                continue;
            }
            if (r.parentCode().isEmpty()) {
                problems.add(new ImportProblem(UNITS, r.row(), "上级编码", "import.required"));
                continue;
            }
            if (!byCode.containsKey(r.parentCode()) && !existing.containsKey(r.parentCode())) {
                problems.add(new ImportProblem(UNITS, r.row(), "上级编码", "import.unknownUnit", r.parentCode()));
                continue;
            }
            // follow the parents, as the workbook would set them, up to the root: a loop never gets there
            String at = r.code();
            Set<String> seen = new java.util.HashSet<>();
            while (at != null && seen.add(at)) {
                UnitRow inFile = byCode.get(at);
                if (inFile != null) {
                    at = inFile.parentCode().isEmpty() ? null : inFile.parentCode();
                } else {
                    OrgUnit db = existing.get(at);
                    at = db == null || db.parentId() == null ? null : codeOf(existing, db.parentId());
                }
            }
            if (at != null) {
                problems.add(new ImportProblem(UNITS, r.row(), "上级编码", "import.parentLoop", r.code(), r.parentCode()));
            }
        }
    }

    private static String codeOf(Map<String, OrgUnit> existing, long id) {
        return existing.values().stream().filter(u -> u.id() == id).map(OrgUnit::code).findFirst().orElse(null);
    }

    private void checkPeople(List<PersonRow> rows, List<UnitRow> unitRows, Map<String, OrgUnit> existingUnits,
                             Map<String, Person> existingPeople, List<ImportProblem> problems) {
        Set<String> unitCodes = new java.util.HashSet<>(existingUnits.keySet());
        Map<String, Boolean> unitActive = new HashMap<>();
        existingUnits.values().forEach(u -> unitActive.put(u.code(), u.active()));
        unitRows.forEach(u -> {
            unitCodes.add(u.code());
            unitActive.put(u.code(), u.active());
        });
        Map<String, PersonRow> byCode = new HashMap<>();
        for (PersonRow r : rows) {
            if (!r.code().isEmpty() && byCode.putIfAbsent(r.code(), r) != null) {
                problems.add(new ImportProblem(PEOPLE, r.row(), "编号", "import.duplicateCode", r.code(),
                        byCode.get(r.code()).row()));
            }
        }
        for (PersonRow r : rows) {
            if (!r.unitCode().isEmpty() && !unitCodes.contains(r.unitCode())) {
                problems.add(new ImportProblem(PEOPLE, r.row(), "单位编码", "import.unknownUnit", r.unitCode()));
            } else if (r.active() && Boolean.FALSE.equals(unitActive.get(r.unitCode()))) {
                problems.add(new ImportProblem(PEOPLE, r.row(), "单位编码", "person.unitInactive", r.unitCode()));
            }
            if (!r.backupCode().isEmpty()) {
                if (r.backupCode().equals(r.code())) {
                    problems.add(new ImportProblem(PEOPLE, r.row(), "B岗编号", "person.backupIsSelf"));
                } else if (!byCode.containsKey(r.backupCode()) && !existingPeople.containsKey(r.backupCode())) {
                    problems.add(new ImportProblem(PEOPLE, r.row(), "B岗编号", "import.unknownPerson", r.backupCode()));
                }
            }
        }
    }

    private ImportResult store(DataScope scope, long tenantId, List<UnitRow> unitRows, List<PersonRow> personRows,
                               Map<String, OrgUnit> existingUnits, Map<String, Person> existingPeople) {
        String reason = "Excel 导入";
        Map<String, OrgUnit> units = new HashMap<>(existingUnits);
        Map<String, UnitRow> pending = new LinkedHashMap<>();
        unitRows.forEach(r -> pending.put(r.code(), r));
        List<UnitRow> deactivateLater = new ArrayList<>();
        int created = 0;
        int updated = 0;
        // parents before children: repeat over the rows whose parent is already stored
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (var it = pending.values().iterator(); it.hasNext(); ) {
                UnitRow r = it.next();
                OrgUnit current = units.get(r.code());
                boolean root = current != null && current.parentId() == null;
                if (!root && pending.containsKey(r.parentCode())) {
                    continue;
                }
                it.remove();
                progress = true;
                if (current == null) {
                    OrgUnit made = at(UNITS, r.row(), () -> organisation.createUnit(scope,
                            units.get(r.parentCode()).id(), r.kind(), r.code(), r.name(), r.sortOrder()));
                    if (!r.active()) {
                        deactivateLater.add(r);
                    }
                    units.put(r.code(), made);
                    created++;
                    continue;
                }
                boolean changed = false;
                if (!current.name().equals(r.name()) || current.kind() != r.kind() || current.sortOrder() != r.sortOrder()) {
                    OrgUnit before = current;
                    current = at(UNITS, r.row(), () -> organisation.updateUnit(scope, before.id(), before.version(),
                            r.kind(), r.code(), r.name(), r.sortOrder(), reason));
                    changed = true;
                }
                if (!root && units.get(r.parentCode()).id() != current.parentId()) {
                    long id = current.id();
                    current = at(UNITS, r.row(), () -> organisation.moveUnit(scope, id, units.get(r.parentCode()).id(),
                            reason));
                    changed = true;
                }
                if (current.active() != r.active()) {
                    if (r.active()) {
                        long id = current.id();
                        at(UNITS, r.row(), () -> {
                            organisation.reactivateUnit(scope, id, reason);
                            return null;
                        });
                    } else {
                        // deactivation waits until people have moved out: done after the people below
                        deactivateLater.add(r);
                    }
                    changed = true;
                }
                units.put(r.code(), current);
                if (changed) {
                    updated++;
                }
            }
        }

        int peopleCreated = 0;
        int peopleUpdated = 0;
        Map<String, Person> people = new HashMap<>(existingPeople);
        for (PersonRow r : personRows) {
            Person current = people.get(r.code());
            var details = new Organisation.PersonDetails(units.get(r.unitCode()).id(), r.code(), r.name(), r.gender(),
                    r.position(), r.title(), r.rank(), r.phone(),
                    current == null ? null : current.backupPersonId());
            if (current == null) {
                current = at(PEOPLE, r.row(), () -> organisation.createPerson(scope, details));
                peopleCreated++;
            } else if (!sameDetails(current, details)) {
                Person before = current;
                current = at(PEOPLE, r.row(), () -> organisation.updatePerson(scope, before.id(), before.version(),
                        details, reason));
                peopleUpdated++;
            }
            people.put(r.code(), current);
        }
        for (PersonRow r : personRows) {
            Person current = people.get(r.code());
            Long backup = r.backupCode().isEmpty() ? null : people.get(r.backupCode()).id();
            if (!java.util.Objects.equals(backup, current.backupPersonId())) {
                var details = new Organisation.PersonDetails(current.unitId(), current.code(), current.name(),
                        current.gender(), current.position(), current.title(), current.rank(), current.phone(), backup);
                Person before = current;
                current = at(PEOPLE, r.row(), () -> organisation.updatePerson(scope, before.id(), before.version(),
                        details, reason));
                people.put(r.code(), current);
            }
            if (current.active() != r.active()) {
                long id = current.id();
                at(PEOPLE, r.row(), () -> {
                    organisation.setPersonActive(scope, id, r.active(), reason);
                    return null;
                });
            }
        }
        for (UnitRow r : deactivateLater) {
            at(UNITS, r.row(), () -> {
                organisation.deactivateUnit(scope, units.get(r.code()).id(), reason);
                return null;
            });
        }
        return new ImportResult(List.of(), created, updated, peopleCreated, peopleUpdated);
    }

    /** A rule refused one row while storing; carries where. */
    private static final class RowRefused extends RuntimeException {
        final ImportProblem problem;

        RowRefused(String sheet, int row, DomainException cause) {
            super(cause);
            this.problem = new ImportProblem(sheet, row, "", cause.messageKey(), cause.args());
        }
    }

    private static <T> T at(String sheet, int row, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (DomainException e) {
            throw new RowRefused(sheet, row, e);
        }
    }

    private static boolean sameDetails(Person p, Organisation.PersonDetails d) {
        return p.unitId() == d.unitId() && p.name().equals(d.name()) && java.util.Objects.equals(p.gender(), d.gender())
                && p.position() == d.position() && java.util.Objects.equals(nz(p.title()), nz(d.title()))
                && p.rank() == d.rank() && java.util.Objects.equals(nz(p.phone()), nz(d.phone()));
    }

    // ---------------------------------------------------------------- cells

    private static Map<String, Integer> columns(Sheet sheet, List<String> expected, List<ImportProblem> problems) {
        Row header = sheet.getRow(0);
        Map<String, Integer> cols = new HashMap<>();
        if (header != null) {
            for (Cell c : header) {
                cols.put(FORMAT.formatCellValue(c).trim(), c.getColumnIndex());
            }
        }
        List<String> missing = expected.stream().filter(c -> !c.equals("状态") && !cols.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            problems.add(new ImportProblem(sheet.getSheetName(), 1, String.join("、", missing), "import.missingColumns",
                    String.join("、", missing)));
            return null;
        }
        return cols;
    }

    private static final DataFormatter FORMAT = new DataFormatter(Locale.SIMPLIFIED_CHINESE);

    private static String cell(Row row, Map<String, Integer> cols, String column) {
        Integer i = cols.get(column);
        if (i == null || row.getCell(i) == null) {
            return "";
        }
        return FORMAT.formatCellValue(row.getCell(i)).trim();
    }

    private static boolean blank(Row row) {
        if (row == null) {
            return true;
        }
        for (Cell c : row) {
            if (!FORMAT.formatCellValue(c).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void require(String sheet, int row, String column, String value, List<ImportProblem> problems) {
        if (value.isEmpty()) {
            problems.add(new ImportProblem(sheet, row, column, "import.required"));
        }
    }

    private static Boolean status(String text, String sheet, int row, List<ImportProblem> problems) {
        if (text.isEmpty() || text.equals(ACTIVE)) {
            return true;
        }
        if (text.equals(INACTIVE)) {
            return false;
        }
        problems.add(new ImportProblem(sheet, row, "状态", "import.unknownValue", text, ACTIVE + "、" + INACTIVE));
        return null;
    }

    /** An enum by its Chinese label, its English label or its name. */
    private <E extends Enum<E>> Map<String, E> labels(E[] values, Function<E, String> key) {
        Map<String, E> map = new LinkedHashMap<>();
        for (E e : values) {
            map.put(messages.getMessage(key.apply(e), null, Locale.SIMPLIFIED_CHINESE), e);
        }
        for (E e : values) {
            map.putIfAbsent(messages.getMessage(key.apply(e), null, Locale.ENGLISH), e);
            map.putIfAbsent(e.name(), e);
        }
        return map;
    }

    private <E extends Enum<E>> String hint(E[] values, Function<E, String> key) {
        return Arrays.stream(values).map(e -> label(key.apply(e))).collect(Collectors.joining("、"));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
