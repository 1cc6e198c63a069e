package cn.taizhang.scoring;

import cn.taizhang.method.MethodDefinition;
import cn.taizhang.method.MethodDefinition.ComponentSource;
import cn.taizhang.method.MethodDefinition.SubjectKind;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.ImportProblem;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
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
 * 评分表 Excel 导入: rating sheets (rater, rater group, ratee, score) from a workbook, all or
 * nothing. Each row goes through the same rules as a sheet entered on the page; every row that
 * breaks one is reported with its row, column and reason, and then none is stored.
 */
@Service
public class RatingSheetWorkbook {

    /** The sheet of the workbook that holds the rating sheets. */
    public static final String SHEETS = "评分表";
    /** The columns, in order; the header row names them. */
    public static final List<String> COLUMNS = List.of("考核编码", "组成编码", "周期", "评分组", "评分人类型", "评分人",
            "被评对象类型", "被评对象编码", "分数", "备注");

    /** The outcome: the sheets stored, or the problems (and nothing stored). */
    public record ImportResult(int stored, List<ImportProblem> problems) {
        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    /** Which column a refused field of a sheet comes from. */
    private static final Map<String, Integer> FIELD_COLUMN = Map.of("assessmentCode", 0, "componentCode", 1,
            "cycleKey", 2, "raterGroup", 3, "raterKind", 4, "raterRef", 5, "rateeKind", 6, "rateeId", 7, "score", 8);

    private static final DataFormatter FORMAT = new DataFormatter(Locale.SIMPLIFIED_CHINESE);

    private final RatingSheets sheets;
    private final TenantMethods methods;
    private final Organisation organisation;

    RatingSheetWorkbook(RatingSheets sheets, TenantMethods methods, Organisation organisation) {
        this.sheets = sheets;
        this.methods = methods;
        this.organisation = organisation;
    }

    @Transactional
    public ImportResult importWorkbook(CurrentUser user, InputStream in) {
        if (!user.hasAny(Role.LEADERSHIP, Role.DISCIPLINE)) {
            throw new AccessDeniedException();
        }
        Workbook wb;
        try {
            wb = WorkbookFactory.create(in);
        } catch (IOException | RuntimeException e) {
            return rejected(List.of(new ImportProblem("", 0, "", "import.notAWorkbook")));
        }
        try (wb) {
            Sheet sheet = wb.getSheet(SHEETS);
            if (sheet == null) {
                return rejected(List.of(new ImportProblem("", 0, "", "assessment.import.noSheet", SHEETS)));
            }
            DataScope all = DataScope.wholeTenant(user.tenantId());
            Map<String, Long> people = new HashMap<>();
            for (Person p : organisation.people(all, user.tenantId(), null, null, false)) {
                people.put(p.code(), p.id());
            }
            Map<String, Long> units = new HashMap<>();
            for (OrgUnit u : organisation.tree(all, user.tenantId(), false)) {
                units.put(u.code(), u.id());
            }
            List<ImportProblem> problems = new ArrayList<>();
            int stored = 0;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                if (row == null || blank(row)) {
                    continue;
                }
                int excelRow = i + 1;
                try {
                    sheets.enter(user, entry(row, excelRow, people, units));
                    stored++;
                } catch (RowProblem e) {
                    problems.add(e.problem);
                } catch (DomainException e) {
                    if (e instanceof AccessDeniedException) {
                        throw e;
                    }
                    Integer col = e.field() == null ? null : FIELD_COLUMN.get(e.field());
                    problems.add(new ImportProblem(SHEETS, excelRow, col == null ? "" : COLUMNS.get(col),
                            e.messageKey(), e.args()));
                }
            }
            if (!problems.isEmpty()) {
                // the rows stored so far go too: all or nothing
                TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
                return rejected(problems);
            }
            if (stored == 0) {
                return rejected(List.of(new ImportProblem(SHEETS, 0, "", "assessment.import.empty")));
            }
            return new ImportResult(stored, List.of());
        } catch (IOException e) {
            return rejected(List.of(new ImportProblem("", 0, "", "import.notAWorkbook")));
        }
    }

    private RatingSheets.Entry entry(Row row, int excelRow, Map<String, Long> people, Map<String, Long> units) {
        String raterKindText = cell(row, 4);
        RatingSheets.RaterKind raterKind;
        try {
            raterKind = RatingSheets.RaterKind.valueOf(raterKindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RowProblem(new ImportProblem(SHEETS, excelRow, COLUMNS.get(4), "assessment.import.raterKind",
                    raterKindText));
        }
        String raterRef = cell(row, 5);
        if (raterKind == RatingSheets.RaterKind.PERSON) {
            Long id = people.get(raterRef);
            if (id == null) {
                throw new RowProblem(new ImportProblem(SHEETS, excelRow, COLUMNS.get(5), "assessment.import.personUnknown",
                        raterRef));
            }
            raterRef = String.valueOf(id);
        }
        String kindText = cell(row, 6);
        SubjectKind kind;
        try {
            kind = SubjectKind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RowProblem(new ImportProblem(SHEETS, excelRow, COLUMNS.get(6), "assessment.import.rateeKind",
                    kindText));
        }
        String rateeCode = cell(row, 7);
        Long rateeId = kind == SubjectKind.PERSON ? people.get(rateeCode) : units.get(rateeCode);
        if (rateeId == null) {
            throw new RowProblem(new ImportProblem(SHEETS, excelRow, COLUMNS.get(7), "assessment.import.rateeUnknown",
                    rateeCode));
        }
        String scoreText = cell(row, 8);
        BigDecimal score;
        try {
            score = new BigDecimal(scoreText);
        } catch (NumberFormatException e) {
            throw new RowProblem(new ImportProblem(SHEETS, excelRow, COLUMNS.get(8), "assessment.import.scoreNumber",
                    scoreText));
        }
        String comment = cell(row, 9);
        return new RatingSheets.Entry(cell(row, 0), cell(row, 1), cell(row, 2), raterKind, raterRef, cell(row, 3),
                new SubjectRef(kind, rateeId), score, comment.isEmpty() ? null : comment, null);
    }

    /** The template: the header row, and a second sheet listing the codes of the adopted method. */
    public void template(long tenantId, OutputStream out) throws IOException {
        MethodDefinition d = methods.active(tenantId).orElseThrow(() -> new DomainException("scoring.method.none"))
                .definition();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet(SHEETS);
            Row header = s.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(COLUMNS.get(i));
                s.setColumnWidth(i, 16 * 256);
            }
            Sheet codes = wb.createSheet("说明");
            int r = 0;
            codes.createRow(r++).createCell(0).setCellValue(
                    "评分人类型：PERSON（人员编码）、CONTACT（联系人编号）、BALLOT（选票编号）；"
                            + "被评对象类型：PERSON、GROUP、UNIT、VILLAGE，编码为人员或单位编码。每人对每个对象每个周期只评一次。");
            Row h = codes.createRow(r++);
            String[] heads = {"考核编码", "考核", "组成编码", "组成", "评分组", "周期", "满分"};
            for (int i = 0; i < heads.length; i++) {
                h.createCell(i).setCellValue(heads[i]);
            }
            for (var a : d.assessments()) {
                for (var c : a.components()) {
                    if (c.source() == ComponentSource.EVENTS) {
                        continue;
                    }
                    Row row = codes.createRow(r++);
                    row.createCell(0).setCellValue(a.code());
                    row.createCell(1).setCellValue(a.name());
                    row.createCell(2).setCellValue(c.code());
                    row.createCell(3).setCellValue(c.name());
                    row.createCell(4).setCellValue(String.join("、", c.raters() == null ? List.of()
                            : c.raters().stream().map(MethodDefinition.RaterWeight::group).toList()));
                    row.createCell(5).setCellValue(String.join("、",
                            a.cycles().stream().map(x -> x.period().name()).toList()));
                    row.createCell(6).setCellValue(c.maxScore() == null ? "100" : c.maxScore().toPlainString());
                }
            }
            for (int i = 0; i < heads.length; i++) {
                codes.setColumnWidth(i, 18 * 256);
            }
            wb.write(out);
        }
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

    /** A row that cannot become a sheet at all (unknown code, not a number). */
    private static final class RowProblem extends RuntimeException {
        private final transient ImportProblem problem;

        RowProblem(ImportProblem problem) {
            super(problem.messageKey(), null, false, false);
            this.problem = problem;
        }
    }
}
