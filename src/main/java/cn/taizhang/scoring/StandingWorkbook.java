package cn.taizhang.scoring;

import cn.taizhang.method.MethodDefinition.Consequence;
import cn.taizhang.method.MethodDefinition.ConsequenceKind;
import cn.taizhang.method.MethodDefinition.SubjectKind;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.ImportProblem;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import cn.taizhang.shared.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * 上级排名 Excel 导入 (FUND-2): the superior's (district, county) published ranking of a domain
 * as rows of a workbook, for a rise reward — all or nothing. Each row goes through the rules of a
 * standing entered on the page; a row that breaks one is reported with its row, column and reason,
 * and then none is stored. The subject is named by its code or, where the code is left empty, by
 * its exact name (the district's list names groups, not our codes).
 */
@Service
public class StandingWorkbook {

    /** The sheet of the workbook that holds the standings. */
    public static final String SHEET = "上级排名";
    /** The columns, in order; the header row names them. */
    public static final List<String> COLUMNS = List.of("结果运用编码", "周期", "对象类型", "对象编码", "对象名称",
            "名次或类别", "来源");

    /** The outcome: the standings stored, or the problems (and nothing stored). */
    public record ImportResult(int stored, List<ImportProblem> problems) {
        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    private static final int CONSEQUENCE = 0;
    private static final int CYCLE = 1;
    private static final int KIND = 2;
    private static final int CODE = 3;
    private static final int NAME = 4;
    private static final int STANDING = 5;
    private static final int SOURCE = 6;

    /** Which column a refused field of an entry comes from. */
    private static final Map<String, Integer> FIELD_COLUMN = Map.of("consequence", CONSEQUENCE, "cycle", CYCLE,
            "subject", KIND, "subjects", KIND, "standing", STANDING, "reason", SOURCE);

    private static final DataFormatter FORMAT = new DataFormatter(Locale.SIMPLIFIED_CHINESE);

    private final SuperiorStandings standings;
    private final Organisation organisation;

    StandingWorkbook(SuperiorStandings standings, Organisation organisation) {
        this.standings = standings;
        this.organisation = organisation;
    }

    /**
     * The subjects of a tenant by kind, by code and by name (a name held by two is ambiguous: -1), and
     * each subject's name by id.
     */
    private record Directory(Map<SubjectKind, Map<String, Long>> byCode, Map<SubjectKind, Map<String, Long>> byName,
                             Map<SubjectKind, Map<Long, String>> names) {
    }

    private Directory directory(long tenantId) {
        Map<SubjectKind, Map<String, Long>> byCode = new EnumMap<>(SubjectKind.class);
        Map<SubjectKind, Map<String, Long>> byName = new EnumMap<>(SubjectKind.class);
        Map<SubjectKind, Map<Long, String>> names = new EnumMap<>(SubjectKind.class);
        for (SubjectKind k : SubjectKind.values()) {
            byCode.put(k, new HashMap<>());
            byName.put(k, new HashMap<>());
            names.put(k, new HashMap<>());
        }
        DataScope all = DataScope.wholeTenant(tenantId);
        for (OrgUnit u : organisation.tree(all, tenantId, false)) {
            SubjectKind k = SubjectRef.kindOf(u.kind());
            if (k != null) {
                byCode.get(k).put(u.code(), u.id());
                byName.get(k).merge(u.name(), u.id(), (a, b) -> -1L);
                names.get(k).put(u.id(), u.name());
            }
        }
        for (Person p : organisation.people(all, tenantId, null, null, false)) {
            byCode.get(SubjectKind.PERSON).put(p.code(), p.id());
            byName.get(SubjectKind.PERSON).merge(p.name(), p.id(), (a, b) -> -1L);
            names.get(SubjectKind.PERSON).put(p.id(), p.name());
        }
        return new Directory(byCode, byName, names);
    }

    /** Imports a workbook of standings (the leadership, as for one entered on the page). */
    @Transactional
    public ImportResult importWorkbook(CurrentUser user, InputStream in) {
        if (!user.has(Role.LEADERSHIP)) {
            throw new AccessDeniedException();
        }
        Workbook wb;
        try {
            wb = WorkbookFactory.create(in);
        } catch (IOException | RuntimeException e) {
            return rejected(List.of(new ImportProblem("", 0, "", "import.notAWorkbook")));
        }
        try (wb) {
            Sheet sheet = wb.getSheet(SHEET);
            if (sheet == null) {
                return rejected(List.of(new ImportProblem("", 0, "", "assessment.import.noSheet", SHEET)));
            }
            Directory dir = directory(user.tenantId());
            List<ImportProblem> problems = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            int stored = 0;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                if (row == null || blank(row)) {
                    continue;
                }
                int excelRow = i + 1;
                try {
                    SuperiorStandings.Entry entry = entry(row, excelRow, dir);
                    String key = entry.consequenceCode() + "|" + entry.cycleKey() + "|" + entry.subject().key();
                    // twice in one file is ambiguous (which one counts?): the second is refused
                    Integer first = seen.get(key);
                    if (first != null) {
                        throw new RowProblem(problem(excelRow, KIND, "assessment.standingImport.duplicate",
                                String.valueOf(first)));
                    }
                    standings.enter(user, entry);
                    seen.put(key, excelRow);
                    stored++;
                } catch (RowProblem e) {
                    problems.add(e.problem);
                } catch (NotFoundException e) {
                    problems.add(problem(excelRow, CODE, "assessment.standingImport.subjectUnknown", cell(row, CODE)));
                } catch (DomainException e) {
                    if (e instanceof AccessDeniedException) {
                        throw e;
                    }
                    Integer col = e.field() == null ? null : FIELD_COLUMN.get(e.field());
                    problems.add(new ImportProblem(SHEET, excelRow, col == null ? "" : COLUMNS.get(col),
                            e.messageKey(), e.args()));
                }
            }
            if (!problems.isEmpty()) {
                // the rows stored so far go too: all or nothing
                TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
                return rejected(problems);
            }
            if (stored == 0) {
                return rejected(List.of(new ImportProblem(SHEET, 0, "", "assessment.standingImport.empty")));
            }
            return new ImportResult(stored, List.of());
        } catch (IOException e) {
            return rejected(List.of(new ImportProblem("", 0, "", "import.notAWorkbook")));
        }
    }

    private SuperiorStandings.Entry entry(Row row, int excelRow, Directory dir) {
        String kindText = cell(row, KIND);
        SubjectKind kind;
        try {
            kind = SubjectKind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RowProblem(problem(excelRow, KIND, "assessment.import.rateeKind", kindText));
        }
        String code = cell(row, CODE);
        String name = cell(row, NAME);
        Long id;
        if (!code.isEmpty()) {
            id = dir.byCode().get(kind).get(code);
            if (id == null) {
                throw new RowProblem(problem(excelRow, CODE, "assessment.standingImport.subjectUnknown", code));
            }
            // a name given beside the code must be that subject's (a name two subjects share is fine)
            if (!name.isEmpty() && !name.equals(dir.names().get(kind).get(id))) {
                throw new RowProblem(problem(excelRow, NAME, "assessment.standingImport.nameMismatch", name, code));
            }
        } else if (!name.isEmpty()) {
            id = dir.byName().get(kind).get(name);
            if (id == null) {
                throw new RowProblem(problem(excelRow, NAME, "assessment.standingImport.nameUnknown", name));
            }
            if (id < 0) {
                throw new RowProblem(problem(excelRow, NAME, "assessment.standingImport.nameAmbiguous", name));
            }
        } else {
            throw new RowProblem(problem(excelRow, CODE, "assessment.standing.subjectRequired"));
        }
        String standingText = cell(row, STANDING);
        Integer standing = null;
        if (!standingText.isEmpty()) {
            try {
                standing = Integer.valueOf(standingText);
            } catch (NumberFormatException e) {
                throw new RowProblem(problem(excelRow, STANDING, "assessment.standingImport.standingNumber",
                        standingText));
            }
        }
        String source = cell(row, SOURCE);
        return new SuperiorStandings.Entry(cell(row, CONSEQUENCE), cell(row, CYCLE), new SubjectRef(kind, id), standing,
                source.isEmpty() ? null : source);
    }

    /**
     * The template: the header row with an example line, and a sheet 说明 listing the method's rise
     * rewards (what the number means, which subjects) and the codes and names of those subjects.
     */
    public void template(long tenantId, OutputStream out) throws IOException {
        List<Consequence> rises = standings.riseRewards(tenantId);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet(SHEET);
            Row header = s.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(COLUMNS.get(i));
                s.setColumnWidth(i, (i == SOURCE ? 30 : 16) * 256);
            }
            Sheet help = wb.createSheet("说明");
            int r = 0;
            help.createRow(r++).createCell(0).setCellValue("每行一个对象在上级（区、县）公布的排名中的名次（排名前进奖励）或类别"
                    + "（进类奖励，1 类最好）。周期如 2015；对象类型 GROUP、UNIT、VILLAGE、PERSON；对象编码或对象名称填一个即可"
                    + "（都填时须一致）；来源写明文件或通报。任何一行有错则全部不导入。同一周期同一对象再次登记以最后一次为准。");
            Row h = help.createRow(r++);
            String[] heads = {"结果运用编码", "结果运用", "填写", "对象类型"};
            for (int i = 0; i < heads.length; i++) {
                h.createCell(i).setCellValue(heads[i]);
            }
            for (Consequence c : rises) {
                Row row = help.createRow(r++);
                row.createCell(0).setCellValue(c.code());
                row.createCell(1).setCellValue(c.name());
                row.createCell(2).setCellValue(c.kind() == ConsequenceKind.CLASS_RISE_REWARD ? "类别（1 最好）" : "名次");
                row.createCell(3).setCellValue(c.subjects() == null || c.subjects().isEmpty() ? "全部"
                        : String.join("、", c.subjects().stream().map(Enum::name).toList()));
            }
            r++;
            Row sh = help.createRow(r++);
            sh.createCell(0).setCellValue("对象类型");
            sh.createCell(1).setCellValue("对象编码");
            sh.createCell(2).setCellValue("对象名称");
            List<SubjectKind> kinds = rises.stream().flatMap(c -> c.subjects() == null || c.subjects().isEmpty()
                    ? java.util.Arrays.stream(SubjectKind.values()) : c.subjects().stream()).distinct().toList();
            DataScope all = DataScope.wholeTenant(tenantId);
            for (OrgUnit u : organisation.tree(all, tenantId, false)) {
                SubjectKind k = SubjectRef.kindOf(u.kind());
                if (k != null && kinds.contains(k)) {
                    Row row = help.createRow(r++);
                    row.createCell(0).setCellValue(k.name());
                    row.createCell(1).setCellValue(u.code());
                    row.createCell(2).setCellValue(u.name());
                }
            }
            if (kinds.contains(SubjectKind.PERSON)) {
                for (Person p : organisation.people(all, tenantId, null, null, false)) {
                    Row row = help.createRow(r++);
                    row.createCell(0).setCellValue(SubjectKind.PERSON.name());
                    row.createCell(1).setCellValue(p.code());
                    row.createCell(2).setCellValue(p.name());
                }
            }
            for (int i = 0; i < heads.length; i++) {
                help.setColumnWidth(i, 20 * 256);
            }
            wb.write(out);
        }
    }

    private static ImportProblem problem(int excelRow, int column, String key, Object... args) {
        return new ImportProblem(SHEET, excelRow, COLUMNS.get(column), key, args);
    }

    private static String cell(Row row, int i) {
        return FORMAT.formatCellValue(row.getCell(i)).trim();
    }

    private static boolean blank(Row row) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (!cell(row, i).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static ImportResult rejected(List<ImportProblem> problems) {
        return new ImportResult(0, List.copyOf(problems));
    }

    /** A row that cannot become an entry at all (unknown subject, not a number, twice in the file). */
    private static final class RowProblem extends RuntimeException {
        private final transient ImportProblem problem;

        RowProblem(ImportProblem problem) {
            super(problem.messageKey(), null, false, false);
            this.problem = problem;
        }
    }
}
