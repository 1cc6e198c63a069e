package cn.taizhang.work.domain;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.method.MethodDefinition;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.OrgScopes;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a township's Excel ledger (台账) as work items, all or nothing. Every row becomes a
 * {@link NewItem} and goes through {@link WorkItems#create}, the same rules and journal as an item
 * created on the page; names are matched within the tenant (lead unit and responsible person within
 * the importer's data scope, as on the page). Every row is tried, each in its own savepoint, so that
 * every wrong row is reported with its number, column and reason; if any row is wrong, or when only
 * checking, the whole transaction is rolled back and nothing is stored.
 *
 * <p>Imported items are assigned (已交办), or kept as drafts when the state column says 草稿: the
 * later steps (签收, 开始, 进度报告, 销号) are the responsible person's and the managers' own acts with
 * their own evidence, which an import cannot make on their behalf.
 */
@Service
public class LedgerImport {

    private static final Pattern LIST_SEPARATORS = Pattern.compile("[、,，;；/\\s]+");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    private final WorkItems work;
    private final WorkItemRepository items;
    private final Organisation organisation;
    private final OrgScopes scopes;
    private final AuditJournal journal;
    private final MessageSource messages;
    private final TransactionTemplate savepoint;

    LedgerImport(WorkItems work, WorkItemRepository items, Organisation organisation, OrgScopes scopes,
                 AuditJournal journal, MessageSource messages, PlatformTransactionManager transactions) {
        this.work = work;
        this.items = items;
        this.organisation = organisation;
        this.scopes = scopes;
        this.journal = journal;
        this.messages = messages;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** One thing wrong: the Excel row (0 for the mapping), the column as Excel names it, and the reason. */
    public record Problem(int row, String column, String messageKey, Object[] args) {
    }

    /** What an import did or would do: rows read, items created (0 unless stored), and the problems. */
    public record Outcome(int rows, int created, List<Problem> problems) {

        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    public static boolean mayImport(CurrentUser user) {
        return user.hasAny(Role.LEADERSHIP, Role.COUNTY_ADMIN, Role.GROUP_LEADER, Role.VILLAGE_CADRE);
    }

    /** Checks every row as the import would, then rolls everything back. */
    @Transactional
    public Outcome check(CurrentUser user, LedgerSheet sheet, Map<LedgerColumn, Integer> mapping) {
        Outcome outcome = run(user, sheet, mapping);
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return new Outcome(outcome.rows(), 0, outcome.problems());
    }

    /** Imports the sheet when every row is right; otherwise stores nothing and says why. */
    @Transactional
    public Outcome store(CurrentUser user, LedgerSheet sheet, Map<LedgerColumn, Integer> mapping, String fileName) {
        Outcome outcome = run(user, sheet, mapping);
        if (!outcome.accepted()) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new Outcome(outcome.rows(), 0, outcome.problems());
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("file", fileName);
        after.put("rows", outcome.rows());
        after.put("created", outcome.created());
        journal.record(user.tenantId(), "work.ledgerImported", "work_item", null,
                "导入工作台账「" + fileName + "」，新建事项 " + outcome.created() + " 项", null, after, null);
        return outcome;
    }

    private Outcome run(CurrentUser user, LedgerSheet sheet, Map<LedgerColumn, Integer> mapping) {
        DataScope scope = scopes.of(user);
        if (!mayImport(user) || scope.isEmpty()) {
            throw new AccessDeniedException();
        }
        List<Problem> problems = new ArrayList<>(mappingProblems(sheet, mapping));
        if (!problems.isEmpty()) {
            return new Outcome(sheet.rows().size(), 0, problems);
        }
        Names names = new Names(user.tenantId(), scope);
        Set<String> codes = new HashSet<>();
        int created = 0;
        for (LedgerSheet.SheetRow row : sheet.rows()) {
            List<Problem> rowProblems = new ArrayList<>();
            Parsed parsed = parse(row, sheet, mapping, names, codes, rowProblems);
            if (rowProblems.isEmpty()) {
                try {
                    savepoint.executeWithoutResult(status -> {
                        WorkItem item = work.create(user, parsed.item());
                        if (parsed.code() != null) {
                            try {
                                items.setLedgerCode(item.tenantId(), item.id(), parsed.code());
                            } catch (DuplicateKeyException raced) {
                                // another import committed the same code after this one checked it
                                throw new CodeTakenMeanwhile();
                            }
                        }
                    });
                    created++;
                } catch (CodeTakenMeanwhile e) {
                    Integer at = mapping.get(LedgerColumn.CODE);
                    rowProblems.add(new Problem(row.number(), at == null ? "—" : sheet.columnName(at),
                            "work.import.code.raced", new Object[] {parsed.code()}));
                } catch (AccessDeniedException e) {
                    throw e;
                } catch (DomainException e) {
                    LedgerColumn at = LedgerColumn.ofField(e.field());
                    rowProblems.add(new Problem(row.number(), at == null || mapping.get(at) == null ? "—"
                            : sheet.columnName(mapping.get(at)), e.messageKey(), e.args()));
                }
            }
            problems.addAll(rowProblems);
        }
        return new Outcome(sheet.rows().size(), created, problems);
    }

    private static List<Problem> mappingProblems(LedgerSheet sheet, Map<LedgerColumn, Integer> mapping) {
        List<Problem> problems = new ArrayList<>();
        Map<Integer, LedgerColumn> used = new HashMap<>();
        for (LedgerColumn c : LedgerColumn.importables()) {
            Integer i = mapping.get(c);
            if (i == null) {
                if (c.required()) {
                    problems.add(new Problem(sheet.headerRowNumber(), "—", "ledgerxls.mapping.required",
                            new Object[] {label(c.messageKey())}));
                }
            } else if (used.containsKey(i)) {
                problems.add(new Problem(sheet.headerRowNumber(), sheet.columnName(i), "ledgerxls.mapping.twice",
                        new Object[] {label(used.get(i).messageKey()), label(c.messageKey())}));
            } else {
                used.put(i, c);
            }
        }
        return problems;
    }

    /**
     * The unique index on (tenant, 编号) refused a code that was free when the row was checked: a
     * concurrent import took it first. Thrown inside the row's savepoint so that it is rolled back.
     */
    private static final class CodeTakenMeanwhile extends RuntimeException {
        CodeTakenMeanwhile() {
            super(null, null, false, false);
        }
    }

    /** A row read: the new item, and the township's number for it. */
    private record Parsed(NewItem item, String code) {
    }

    private Parsed parse(LedgerSheet.SheetRow row, LedgerSheet sheet, Map<LedgerColumn, Integer> mapping, Names names,
                         Set<String> codes, List<Problem> problems) {
        Cells cells = new Cells(row, sheet, mapping, problems);
        String code = cells.text(LedgerColumn.CODE);
        if (code != null) {
            if (code.length() > 40) {
                cells.problem(LedgerColumn.CODE, "ledgerxls.code.tooLong", 40);
            } else if (!codes.add(code) || items.ledgerCodeTaken(names.tenantId, code)) {
                cells.problem(LedgerColumn.CODE, "ledgerxls.code.taken", code);
            }
        }
        String title = cells.text(LedgerColumn.TITLE);
        String categoryText = cells.text(LedgerColumn.CATEGORY);
        String category = categoryText == null ? null : names.category(categoryText);
        if (categoryText != null && category == null) {
            cells.problem(LedgerColumn.CATEGORY, "ledgerxls.category.unknown", categoryText);
        }
        WorkSource source = cells.choice(LedgerColumn.SOURCE, WorkSource.values(), WorkSource::messageKey, null,
                "ledgerxls.source.unknown");
        Long lead = cells.resolve(LedgerColumn.LEAD_UNIT, names::leadUnit);
        List<Long> assists = new ArrayList<>();
        for (String name : cells.list(LedgerColumn.ASSIST_UNITS)) {
            Long id = cells.resolveName(LedgerColumn.ASSIST_UNITS, name, names::unit);
            if (id != null) {
                assists.add(id);
            }
        }
        Long responsible = cells.resolve(LedgerColumn.RESPONSIBLE, names::responsible);
        Long supervising = cells.resolve(LedgerColumn.SUPERVISING_LEADER, names::person);
        Long leader = cells.resolve(LedgerColumn.LEADER, names::person);
        List<String> deputyNames = cells.list(LedgerColumn.DEPUTIES);
        List<Long> deputies = new ArrayList<>();
        for (String name : deputyNames) {
            deputies.add(cells.resolveName(LedgerColumn.DEPUTIES, name, names::person));
        }
        Integer supervisorIndex = null;
        String assessor = cells.text(LedgerColumn.SUPERVISOR_DEPUTY);
        if (assessor != null) {
            supervisorIndex = deputyNames.indexOf(assessor);
            if (supervisorIndex < 0) {
                cells.problem(LedgerColumn.SUPERVISOR_DEPUTY, "ledgerxls.assessor.notDeputy", assessor);
                supervisorIndex = null;
            }
        }
        LocalDate start = cells.date(LedgerColumn.START_DATE);
        LocalDate deadline = cells.date(LedgerColumn.DEADLINE);
        if (start != null && deadline != null && deadline.isBefore(start)) {
            cells.problem(LedgerColumn.DEADLINE, "work.deadline.beforeStart", deadline, start);
        }
        WorkState state = cells.choice(LedgerColumn.STATE, WorkState.values(), WorkState::messageKey,
                WorkState.ASSIGNED, "ledgerxls.state.unknown");
        if (state != null && state != WorkState.ASSIGNED && state != WorkState.DRAFT) {
            cells.problem(LedgerColumn.STATE, "ledgerxls.state.notImportable", label(state.messageKey()));
        }
        ReportFrequency frequency = cells.choice(LedgerColumn.REPORT_FREQUENCY, ReportFrequency.values(),
                ReportFrequency::messageKey, ReportFrequency.MONTHLY, "ledgerxls.frequency.unknown");
        String target = cells.text(LedgerColumn.TARGET);
        String measures = cells.text(LedgerColumn.MEASURES);
        return new Parsed(new NewItem(title, category, source, lead, assists, responsible, supervising, start,
                deadline, target, measures, frequency, leader, deputies, supervisorIndex, List.of(),
                state != WorkState.DRAFT), code);
    }

    /** The cells of one row, read through the mapping; what is wrong is added to the row's problems. */
    private final class Cells {
        private final LedgerSheet.SheetRow row;
        private final LedgerSheet sheet;
        private final Map<LedgerColumn, Integer> mapping;
        private final List<Problem> problems;

        Cells(LedgerSheet.SheetRow row, LedgerSheet sheet, Map<LedgerColumn, Integer> mapping, List<Problem> problems) {
            this.row = row;
            this.sheet = sheet;
            this.mapping = mapping;
            this.problems = problems;
        }

        void problem(LedgerColumn column, String key, Object... args) {
            Integer i = mapping.get(column);
            problems.add(new Problem(row.number(), i == null ? "—" : sheet.columnName(i), key, args));
        }

        /** The cell's text, or null when empty; an empty required cell is a problem. */
        String text(LedgerColumn column) {
            String s = row.cell(mapping.get(column)).strip();
            if (s.isEmpty()) {
                if (column.required()) {
                    problem(column, "ledgerxls.cell.required", label(column.messageKey()));
                }
                return null;
            }
            return s;
        }

        List<String> list(LedgerColumn column) {
            String s = text(column);
            return s == null ? List.of() : List.of(LIST_SEPARATORS.split(s)).stream().filter(n -> !n.isEmpty()).toList();
        }

        Long resolve(LedgerColumn column, Function<String, Lookup> lookup) {
            String name = text(column);
            return name == null ? null : resolveName(column, name, lookup);
        }

        Long resolveName(LedgerColumn column, String name, Function<String, Lookup> lookup) {
            Lookup found = lookup.apply(name);
            if (found.id() == null) {
                problem(column, found.problemKey(), name);
            }
            return found.id();
        }

        LocalDate date(LedgerColumn column) {
            String s = text(column);
            if (s == null) {
                return null;
            }
            Matcher m = DATE.matcher(s);
            try {
                if (m.matches()) {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)));
                }
                return LocalDate.parse(s);
            } catch (java.time.DateTimeException e) {
                problem(column, "ledgerxls.date.bad", s);
                return null;
            }
        }

        /** One of the enum's values, by its Chinese or English label or its name; {@code empty} when blank. */
        <E extends Enum<E>> E choice(LedgerColumn column, E[] values, Function<E, String> key, E empty, String unknownKey) {
            String s = text(column);
            if (s == null) {
                return empty;
            }
            for (E e : values) {
                if (s.equalsIgnoreCase(e.name()) || s.equals(messages.getMessage(key.apply(e), null, Locale.CHINA))
                        || s.equalsIgnoreCase(messages.getMessage(key.apply(e), null, Locale.ENGLISH))) {
                    return e;
                }
            }
            problem(column, unknownKey, s);
            return null;
        }
    }

    /** A name looked up: the id, or the reason it was not found. */
    private record Lookup(Long id, String problemKey) {
    }

    /** The tenant's categories, units and people by name, loaded once for the whole import. */
    private final class Names {
        final long tenantId;
        private final Map<String, String> categories = new HashMap<>();
        private final Map<String, List<Long>> units = new HashMap<>();
        private final Set<Long> unitsInScope = new HashSet<>();
        private final Map<String, List<Long>> people = new HashMap<>();
        private final Set<Long> peopleInScope = new HashSet<>();

        Names(long tenantId, DataScope scope) {
            this.tenantId = tenantId;
            for (MethodDefinition.Category c : work.categories(tenantId)) {
                categories.put(c.code(), c.code());
                categories.put(c.name(), c.code());
            }
            for (OrgUnit u : organisation.tree(DataScope.wholeTenant(tenantId), tenantId, false)) {
                units.computeIfAbsent(u.name(), n -> new ArrayList<>()).add(u.id());
            }
            organisation.tree(scope, tenantId, false).forEach(u -> unitsInScope.add(u.id()));
            for (Person p : organisation.people(DataScope.wholeTenant(tenantId), tenantId, null, null, false)) {
                people.computeIfAbsent(p.name(), n -> new ArrayList<>()).add(p.id());
            }
            organisation.people(scope, tenantId, null, null, false).forEach(p -> peopleInScope.add(p.id()));
        }

        String category(String text) {
            return categories.get(text);
        }

        Lookup unit(String name) {
            return one(units.get(name), null, "ledgerxls.unit.unknown", "ledgerxls.unit.ambiguous", null);
        }

        Lookup leadUnit(String name) {
            return one(units.get(name), unitsInScope, "ledgerxls.unit.unknown", "ledgerxls.unit.ambiguous",
                    "ledgerxls.unit.outOfScope");
        }

        Lookup person(String name) {
            return one(people.get(name), null, "ledgerxls.person.unknown", "ledgerxls.person.ambiguous", null);
        }

        Lookup responsible(String name) {
            return one(people.get(name), peopleInScope, "ledgerxls.person.unknown", "ledgerxls.person.ambiguous",
                    "ledgerxls.person.outOfScope");
        }

        private static Lookup one(List<Long> candidates, Set<Long> scope, String unknown, String ambiguous,
                                  String outOfScope) {
            if (candidates == null || candidates.isEmpty()) {
                return new Lookup(null, unknown);
            }
            List<Long> within = scope == null ? candidates : candidates.stream().filter(scope::contains).toList();
            if (within.isEmpty()) {
                return new Lookup(null, outOfScope);
            }
            return within.size() == 1 ? new Lookup(within.get(0), null) : new Lookup(null, ambiguous);
        }
    }

    /** A message argument that is itself translated when the problem is shown. */
    private static DefaultMessageSourceResolvable label(String key) {
        return new DefaultMessageSourceResolvable(key);
    }

    /** The mapping as the user chose it: field name to column index; unknown or blank entries are left out. */
    public static Map<LedgerColumn, Integer> mapping(Map<String, String> chosen, int columns) {
        Map<LedgerColumn, Integer> mapping = new EnumMap<>(LedgerColumn.class);
        for (LedgerColumn c : LedgerColumn.importables()) {
            String v = chosen.get(c.name());
            if (v != null && !v.isBlank()) {
                try {
                    int i = Integer.parseInt(v.strip());
                    if (i >= 0 && i < columns) {
                        mapping.put(c, i);
                    }
                } catch (NumberFormatException ignored) {
                    // a column index the page did not offer: treated as not mapped
                }
            }
        }
        return mapping;
    }
}
