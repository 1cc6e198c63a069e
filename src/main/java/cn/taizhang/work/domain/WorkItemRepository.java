package cn.taizhang.work.domain;

import cn.taizhang.method.MethodDefinition;
import cn.taizhang.method.MethodDefinition.Document;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for work items and their ledgers. Every query names the tenant. */
@Repository
public class WorkItemRepository {

    private static final String COLUMNS = """
            w.id, w.tenant_id, w.title, w.category_code, w.category_name, w.management, w.lead_group_size,
            w.lead_group_deputies, w.lead_group_supervisor, w.required_documents, w.no_leave, w.source,
            w.lead_unit_id, w.responsible_person_id, w.supervising_leader_id, w.created_by_person_id,
            w.created_by_name, w.start_date, w.original_deadline, w.deadline, w.extension_count,
            w.requested_deadline, w.target, w.measures, w.report_frequency, w.state, w.state_before_extension,
            w.progress, w.light, w.created_at, w.updated_at, w.version""";

    /** Rows per statement of the batched light writes: large enough for few round trips, small enough for the arrays. */
    static final int LIGHT_BATCH = 5000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    WorkItemRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    // ------------------------------------------------------------------ the aggregate

    public Optional<WorkItem> find(long tenantId, long id) {
        Optional<Row> row = jdbc.sql("select " + COLUMNS + " from work_item w where w.tenant_id = :t and w.id = :id")
                .param("t", tenantId).param("id", id).query(WorkItemRepository::row).optional();
        return row.map(r -> r.toItem(
                jdbc.sql("select unit_id from work_item_assist where tenant_id = :t and item_id = :id order by unit_id")
                        .param("t", tenantId).param("id", id).query(Long.class).list(),
                jdbc.sql("""
                        select person_id, role, supervisor_assessor from work_lead_member
                        where tenant_id = :t and item_id = :id order by role desc, supervisor_assessor, person_id""")
                        .param("t", tenantId).param("id", id)
                        .query((rs, n) -> new LeadMember(rs.getLong(1), LeadMember.Role.valueOf(rs.getString(2)), rs.getBoolean(3)))
                        .list(),
                stages(tenantId, id),
                jdbc.sql("select distinct kind from work_document where tenant_id = :t and item_id = :id")
                        .param("t", tenantId).param("id", id).query(String.class).list().stream()
                        .map(Document::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Document.class))),
                jdbc.sql("select count(*) from work_reward_result where tenant_id = :t and item_id = :id")
                        .param("t", tenantId).param("id", id).query(Long.class).single() > 0));
    }

    /** Stores a new item with its lead group, assisting units, stages and first ledger lines. */
    public long insert(WorkItem w) {
        CategoryRule r = w.rule();
        long id = jdbc.sql("""
                insert into work_item (tenant_id, title, category_code, category_name, management, lead_group_size,
                    lead_group_deputies, lead_group_supervisor, required_documents, no_leave, source, lead_unit_id,
                    responsible_person_id, supervising_leader_id, created_by_person_id, created_by_name, start_date,
                    original_deadline, deadline, extension_count, requested_deadline, target, measures,
                    report_frequency, state, state_before_extension, progress, light, created_at, updated_at)
                values (:t, :title, :cc, :cn, :mg, :lgs, :lgd, :lgsup, :docs, :noLeave, :src, :unit, :resp, :sup,
                    :by, :byName, :start, :orig, :dl, :ext, :req, :target, :measures, :freq, :state, :sbe, :progress,
                    :light, :created, :updated)
                returning id""")
                .param("t", w.tenantId()).param("title", w.title()).param("cc", r.code()).param("cn", r.name())
                .param("mg", r.management().name()).param("lgs", r.leadGroupSize()).param("lgd", r.leadGroupDeputies())
                .param("lgsup", r.supervisorAssessor())
                .param("docs", r.requiredDocuments().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("noLeave", r.noLeave()).param("src", w.source().name()).param("unit", w.leadUnitId())
                .param("resp", w.responsiblePersonId()).param("sup", w.supervisingLeaderId())
                .param("by", w.createdByPersonId()).param("byName", w.createdByName())
                .param("start", w.startDate()).param("orig", w.originalDeadline()).param("dl", w.deadline())
                .param("ext", w.extensionCount()).param("req", w.requestedDeadline()).param("target", w.target())
                .param("measures", w.measures()).param("freq", w.reportFrequency().name())
                .param("state", w.state().name())
                .param("sbe", w.stateBeforeExtension() == null ? null : w.stateBeforeExtension().name())
                .param("progress", w.progress()).param("light", w.light().name())
                .param("created", w.createdAt()).param("updated", w.updatedAt())
                .query(Long.class).single();
        w.storedAs(id);
        for (Long unit : w.assistUnitIds()) {
            jdbc.sql("insert into work_item_assist (tenant_id, item_id, unit_id) values (:t, :i, :u)")
                    .param("t", w.tenantId()).param("i", id).param("u", unit).update();
        }
        for (LeadMember m : w.leadGroup()) {
            jdbc.sql("""
                    insert into work_lead_member (tenant_id, item_id, person_id, role, supervisor_assessor)
                    values (:t, :i, :p, :r, :s)""")
                    .param("t", w.tenantId()).param("i", id).param("p", m.personId()).param("r", m.role().name())
                    .param("s", m.supervisorAssessor()).update();
        }
        writePending(w);
        return id;
    }

    /** Stores the changed item; false when somebody else changed it meanwhile. */
    public boolean update(WorkItem w) {
        int n = jdbc.sql("""
                update work_item set deadline = :dl, extension_count = :ext, requested_deadline = :req, state = :state,
                    state_before_extension = :sbe, progress = :progress, light = :light, updated_at = :updated,
                    version = version + 1
                where tenant_id = :t and id = :id and version = :v""")
                .param("dl", w.deadline()).param("ext", w.extensionCount()).param("req", w.requestedDeadline())
                .param("state", w.state().name())
                .param("sbe", w.stateBeforeExtension() == null ? null : w.stateBeforeExtension().name())
                .param("progress", w.progress()).param("light", w.light().name()).param("updated", w.updatedAt())
                .param("t", w.tenantId()).param("id", w.id()).param("v", w.version()).update();
        if (n == 0) {
            return false;
        }
        writePending(w);
        return true;
    }

    private void writePending(WorkItem w) {
        long t = w.tenantId();
        if (w.takeStagesChanged()) {
            jdbc.sql("delete from work_stage where tenant_id = :t and item_id = :i").param("t", t).param("i", w.id()).update();
            for (Stage s : w.stages()) {
                jdbc.sql("""
                        insert into work_stage (tenant_id, item_id, seq, name, working_days, starts_on, due_on)
                        values (:t, :i, :seq, :n, :d, :s, :due)""")
                        .param("t", t).param("i", w.id()).param("seq", s.seq()).param("n", s.name())
                        .param("d", s.workingDays()).param("s", s.startsOn()).param("due", s.dueOn()).update();
            }
        }
        for (DeadlineChange d : w.takeNewDeadlines()) {
            jdbc.sql("""
                    insert into work_deadline (tenant_id, item_id, seq, deadline, reason, decided_by, decided_at)
                    values (:t, :i, :seq, :d, :r, :by, :at)""")
                    .param("t", t).param("i", w.id()).param("seq", d.seq()).param("d", d.deadline())
                    .param("r", d.reason()).param("by", d.decidedBy()).param("at", d.decidedAt()).update();
        }
        for (WorkItem.NewDocument d : w.takeNewDocuments()) {
            jdbc.sql("""
                    insert into work_document (tenant_id, item_id, kind, body, submitted_by, submitted_at)
                    values (:t, :i, :k, :b, :by, :at)""")
                    .param("t", t).param("i", w.id()).param("k", d.kind().name()).param("b", d.body())
                    .param("by", d.submittedBy()).param("at", d.at()).update();
        }
        RewardResult r = w.takeNewRewardResult();
        if (r != null) {
            long rid = jdbc.sql("""
                    insert into work_reward_result (tenant_id, item_id, summary, submitted_by, submitted_at)
                    values (:t, :i, :s, :by, :at) returning id""")
                    .param("t", t).param("i", w.id()).param("s", r.summary()).param("by", r.submittedBy())
                    .param("at", r.submittedAt()).query(Long.class).single();
            for (var e : r.points().entrySet()) {
                jdbc.sql("insert into work_reward_points (tenant_id, result_id, person_id, points) values (:t, :r, :p, :pts)")
                        .param("t", t).param("r", rid).param("p", e.getKey()).param("pts", e.getValue()).update();
            }
        }
        List<Long> stored = new ArrayList<>();
        for (LedgerEntry e : w.takeNewEntries()) {
            stored.add(jdbc.sql("""
                    insert into work_ledger_entry (tenant_id, item_id, occurred_at, kind, actor_name, actor_person_id,
                        state_after, body, percent, deadline, measures, reply_to)
                    values (:t, :i, :at, :k, :actor, :ap, :state, :body, :pct, :dl, :m, :reply) returning id""")
                    .param("t", t).param("i", w.id()).param("at", e.occurredAt()).param("k", e.kind().name())
                    .param("actor", truncate(e.actorName(), 50)).param("ap", e.actorPersonId())
                    .param("state", e.stateAfter().name()).param("body", e.body()).param("pct", e.percent())
                    .param("dl", e.deadline()).param("m", e.measures()).param("reply", e.replyTo())
                    .query(Long.class).single());
        }
        w.entriesStoredAs(stored);
    }

    // ------------------------------------------------------------------ what belongs to an item

    public List<Stage> stages(long tenantId, long itemId) {
        return jdbc.sql("""
                select seq, name, working_days, starts_on, due_on from work_stage
                where tenant_id = :t and item_id = :i order by seq""")
                .param("t", tenantId).param("i", itemId).query(Stage.class).list();
    }

    /** The stages of an item reported done (V17): seq to when, in order. */
    public Map<Integer, OffsetDateTime> stagesDone(long tenantId, long itemId) {
        Map<Integer, OffsetDateTime> out = new java.util.TreeMap<>();
        jdbc.sql("select seq, reported_at from work_stage_done where tenant_id = :t and item_id = :i")
                .param("t", tenantId).param("i", itemId)
                .query((rs, n) -> out.put(rs.getInt(1), rs.getObject(2, OffsetDateTime.class))).list();
        return out;
    }

    public void insertStageDone(long tenantId, long itemId, int seq, long entryId, String by, OffsetDateTime at) {
        jdbc.sql("""
                insert into work_stage_done (tenant_id, item_id, seq, ledger_entry_id, reported_by, reported_at)
                values (:t, :i, :s, :e, :by, :at)""")
                .param("t", tenantId).param("i", itemId).param("s", seq).param("e", entryId)
                .param("by", by.length() > 50 ? by.substring(0, 50) : by).param("at", at).update();
    }

    public List<LedgerEntry> ledger(long tenantId, long itemId) {
        return jdbc.sql("""
                select id, occurred_at, kind, actor_name, actor_person_id, state_after, body, percent, deadline,
                       measures, reply_to
                from work_ledger_entry where tenant_id = :t and item_id = :i order by occurred_at, id""")
                .param("t", tenantId).param("i", itemId).query(LedgerEntry.class).list();
    }

    public Optional<LedgerEntry> ledgerEntry(long tenantId, long itemId, long entryId) {
        return ledger(tenantId, itemId).stream().filter(e -> e.id() == entryId).findFirst();
    }

    public List<DeadlineChange> deadlines(long tenantId, long itemId) {
        return jdbc.sql("""
                select seq, deadline, reason, decided_by, decided_at from work_deadline
                where tenant_id = :t and item_id = :i order by seq""")
                .param("t", tenantId).param("i", itemId).query(DeadlineChange.class).list();
    }

    public List<StoredDocument> documents(long tenantId, long itemId) {
        return jdbc.sql("""
                select id, kind, body, submitted_by, submitted_at from work_document
                where tenant_id = :t and item_id = :i order by submitted_at, id""")
                .param("t", tenantId).param("i", itemId).query(StoredDocument.class).list();
    }

    public Optional<RewardResult> latestRewardResult(long tenantId, long itemId) {
        return jdbc.sql("""
                select id, summary, submitted_by, submitted_at from work_reward_result
                where tenant_id = :t and item_id = :i order by submitted_at desc, id desc limit 1""")
                .param("t", tenantId).param("i", itemId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class)})
                .optional()
                .map(a -> {
                    Map<Long, BigDecimal> points = new LinkedHashMap<>();
                    jdbc.sql("select person_id, points from work_reward_points where tenant_id = :t and result_id = :r order by person_id")
                            .param("t", tenantId).param("r", a[0])
                            .query((rs, n) -> points.put(rs.getLong(1), rs.getBigDecimal(2))).list();
                    return new RewardResult((Long) a[0], (String) a[1], points, (String) a[2], (OffsetDateTime) a[3]);
                });
    }

    public List<LightChange> lightChanges(long tenantId, long itemId) {
        return jdbc.sql("""
                select changed_at, from_light, to_light, reason, days_left, planned, progress, behind
                from work_light_change where tenant_id = :t and item_id = :i order by changed_at, id""")
                .param("t", tenantId).param("i", itemId).query(LightChange.class).list();
    }

    public void insertLightChange(long tenantId, long itemId, LightChange c) {
        jdbc.sql("""
                insert into work_light_change (tenant_id, item_id, changed_at, from_light, to_light, reason, days_left,
                    planned, progress, behind)
                values (:t, :i, :at, :f, :to, :r, :d, :p, :pr, :b)""")
                .param("t", tenantId).param("i", itemId).param("at", c.changedAt()).param("f", c.fromLight().name())
                .param("to", c.toLight().name()).param("r", c.reason().name()).param("d", c.daysLeft())
                .param("p", c.planned()).param("pr", c.progress()).param("b", c.behind()).update();
    }

    /** A light an item gets in the recomputation, with its history line. */
    public record NewLight(long itemId, LightChange change) {
    }

    /**
     * Sets the lights and writes their history without touching the items' versions (the nightly
     * recomputation): one UPDATE and one INSERT per {@link #LIGHT_BATCH} items, the values as arrays.
     */
    public void setLights(long tenantId, List<NewLight> lights) {
        for (int from = 0; from < lights.size(); from += LIGHT_BATCH) {
            List<NewLight> part = lights.subList(from, Math.min(lights.size(), from + LIGHT_BATCH));
            int n = part.size();
            Long[] ids = new Long[n];
            String[] to = new String[n];
            String[] fromLight = new String[n];
            String[] reason = new String[n];
            Integer[] left = new Integer[n];
            Integer[] planned = new Integer[n];
            Integer[] progress = new Integer[n];
            Integer[] behind = new Integer[n];
            for (int i = 0; i < n; i++) {
                LightChange c = part.get(i).change();
                ids[i] = part.get(i).itemId();
                to[i] = c.toLight().name();
                fromLight[i] = c.fromLight().name();
                reason[i] = c.reason().name();
                left[i] = c.daysLeft();
                planned[i] = c.planned();
                progress[i] = c.progress();
                behind[i] = c.behind();
            }
            OffsetDateTime at = part.get(0).change().changedAt();
            template.update(con -> {
                PreparedStatement ps = con.prepareStatement("""
                        update work_item w set light = v.light
                        from unnest(?::bigint[], ?::varchar[]) as v(id, light)
                        where w.tenant_id = ? and w.id = v.id""");
                ps.setArray(1, con.createArrayOf("bigint", ids));
                ps.setArray(2, con.createArrayOf("varchar", to));
                ps.setLong(3, tenantId);
                return ps;
            });
            template.update(con -> {
                PreparedStatement ps = con.prepareStatement("""
                        insert into work_light_change (tenant_id, item_id, changed_at, from_light, to_light, reason,
                            days_left, planned, progress, behind)
                        select ?, v.item_id, ?, v.from_light, v.to_light, v.reason, v.days_left, v.planned,
                               v.progress, v.behind
                        from unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[], ?::int[],
                                    ?::int[], ?::int[]) with ordinality
                             as v(item_id, from_light, to_light, reason, days_left, planned, progress, behind, ord)
                        order by v.ord""");
                ps.setLong(1, tenantId);
                ps.setObject(2, at);
                ps.setArray(3, con.createArrayOf("bigint", ids));
                ps.setArray(4, con.createArrayOf("varchar", fromLight));
                ps.setArray(5, con.createArrayOf("varchar", to));
                ps.setArray(6, con.createArrayOf("varchar", reason));
                ps.setArray(7, con.createArrayOf("int", left));
                ps.setArray(8, con.createArrayOf("int", planned));
                ps.setArray(9, con.createArrayOf("int", progress));
                ps.setArray(10, con.createArrayOf("int", behind));
                return ps;
            });
        }
    }

    /** What the light of an item under way is computed from. */
    public record LightInput(long id, LocalDate startDate, LocalDate deadline, int progress, Light light) {
    }

    public List<LightInput> underWay(long tenantId) {
        return jdbc.sql("""
                select id, start_date, deadline, progress, light from work_item
                where tenant_id = :t and state in ('ASSIGNED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'EXTENSION_REQUESTED',
                                                   'COMPLETION_REQUESTED', 'REWORK')
                order by id""")
                .param("t", tenantId)
                // mapped by hand: the record mapper's reflection took seconds for 72,000 rows
                .query((rs, n) -> new LightInput(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getInt(4), Light.valueOf(rs.getString(5))))
                .list();
    }

    // ------------------------------------------------------------------ the ledger list

    public List<LedgerRow> list(Visibility v, LedgerFilter f) {
        StringBuilder sql = new StringBuilder("""
                select w.id, w.title, w.category_code, w.category_name, w.state, w.light, w.lead_unit_id,
                       u.name as lead_unit_name, w.responsible_person_id, p.name as responsible_name, w.start_date,
                       w.deadline, w.original_deadline, w.extension_count, w.progress
                from work_item w
                join org_unit u on u.tenant_id = w.tenant_id and u.id = w.lead_unit_id
                join person p on p.tenant_id = w.tenant_id and p.id = w.responsible_person_id
                where w.tenant_id = :t""");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!visibleAndFiltered(v, f, sql, params)) {
            return List.of();
        }
        LedgerFilter.Sort sort = f.sort() == null ? LedgerFilter.Sort.DEADLINE_ASC : f.sort();
        if (f.afterId() != null) {
            switch (sort) {
                case DEADLINE_ASC -> sql.append(" and (w.deadline, w.id) > (:afterDl, :afterId)");
                case DEADLINE_DESC -> sql.append(" and (w.deadline, w.id) < (:afterDl, :afterId)");
                case NEWEST -> sql.append(" and w.id < :afterId");
            }
            params.put("afterId", f.afterId());
            if (sort != LedgerFilter.Sort.NEWEST) {
                params.put("afterDl", f.afterDeadline());
            }
        }
        sql.append(orderBy(sort));
        sql.append(" limit :limit");
        params.put("limit", f.limit());
        // mapped by hand: the record mapper tries each column under two names and the driver answers a
        // miss with an exception — hundreds per page
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new LedgerRow(rs.getLong("id"),
                rs.getString("title"), rs.getString("category_code"), rs.getString("category_name"),
                WorkState.valueOf(rs.getString("state")), Light.valueOf(rs.getString("light")),
                rs.getLong("lead_unit_id"), rs.getString("lead_unit_name"), rs.getLong("responsible_person_id"),
                rs.getString("responsible_name"), rs.getObject("start_date", LocalDate.class),
                rs.getObject("deadline", LocalDate.class), rs.getObject("original_deadline", LocalDate.class),
                rs.getInt("extension_count"), rs.getInt("progress"))).list();
    }

    /**
     * Appends the viewer's visibility (LEDGER-1) and the list's filters to a query over {@code work_item w}
     * joined with its lead unit {@code u}; false when the viewer sees nothing at all.
     */
    static boolean visibleAndFiltered(Visibility v, LedgerFilter f, StringBuilder sql, Map<String, Object> params) {
        params.put("t", v.tenantId());
        String involves = """
                (w.responsible_person_id = :viewer or w.supervising_leader_id = :viewer
                 or w.created_by_person_id = :viewer
                 or exists (select 1 from work_lead_member m where m.tenant_id = w.tenant_id and m.item_id = w.id
                            and m.person_id = :viewer))""";
        if (v.personOnly()) {
            if (v.personId() == null) {
                return false;
            }
            sql.append(" and ").append(involves);
            params.put("viewer", v.personId());
        } else if (v.subtreePath() != null) {
            sql.append(" and (u.path like :path");
            params.put("path", v.subtreePath() + "%");
            if (v.personId() != null) {
                sql.append(" or ").append(involves);
                params.put("viewer", v.personId());
            }
            sql.append(")");
        }
        if (f.unitId() != null) {
            // led or assisted by the unit: unit_ids holds both, kept by triggers (V16)
            sql.append(" and w.unit_ids @> array[cast(:unit as bigint)]");
            params.put("unit", f.unitId());
        }
        if (f.categoryCode() != null) {
            sql.append(" and w.category_code = :cat");
            params.put("cat", f.categoryCode());
        }
        if (f.state() != null) {
            sql.append(" and w.state = :state");
            params.put("state", f.state().name());
        }
        if (f.light() != null) {
            sql.append(" and w.light = :light");
            params.put("light", f.light().name());
        }
        if (f.dueFrom() != null) {
            sql.append(" and w.deadline >= :from");
            params.put("from", f.dueFrom());
        }
        if (f.dueTo() != null) {
            sql.append(" and w.deadline <= :to");
            params.put("to", f.dueTo());
        }
        return true;
    }

    static String orderBy(LedgerFilter.Sort sort) {
        return switch (sort == null ? LedgerFilter.Sort.DEADLINE_ASC : sort) {
            case DEADLINE_ASC -> " order by w.deadline, w.id";
            case DEADLINE_DESC -> " order by w.deadline desc, w.id desc";
            case NEWEST -> " order by w.id desc";
        };
    }

    // ------------------------------------------------------------------ the township's ledger number

    public boolean ledgerCodeTaken(long tenantId, String code) {
        return jdbc.sql("select count(*) from work_item where tenant_id = :t and ledger_code = :c")
                .param("t", tenantId).param("c", code).query(Long.class).single() > 0;
    }

    public void setLedgerCode(long tenantId, long itemId, String code) {
        jdbc.sql("update work_item set ledger_code = :c where tenant_id = :t and id = :id")
                .param("c", code).param("t", tenantId).param("id", itemId).update();
    }

    // ------------------------------------------------------------------ mapping

    private record Row(long id, long tenantId, String title, CategoryRule rule, WorkSource source, long leadUnitId,
                       long responsiblePersonId, Long supervisingLeaderId, Long createdByPersonId,
                       String createdByName, LocalDate startDate, LocalDate originalDeadline, LocalDate deadline,
                       int extensionCount, LocalDate requestedDeadline, String target, String measures,
                       ReportFrequency reportFrequency, WorkState state, WorkState stateBeforeExtension, int progress,
                       Light light, OffsetDateTime createdAt, OffsetDateTime updatedAt, int version) {

        WorkItem toItem(List<Long> assists, List<LeadMember> lead, List<Stage> stages, Set<Document> docs,
                        boolean reward) {
            return new WorkItem(id, tenantId, title, rule, source, leadUnitId, assists, responsiblePersonId,
                    supervisingLeaderId, createdByPersonId, createdByName, startDate, originalDeadline, deadline,
                    extensionCount, requestedDeadline, target, measures, reportFrequency, state,
                    stateBeforeExtension, progress, light, createdAt, updatedAt, version, lead, stages, docs, reward);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String docs = rs.getString("required_documents");
        Set<Document> required = EnumSet.noneOf(Document.class);
        if (docs != null && !docs.isBlank()) {
            Arrays.stream(docs.split(",")).map(Document::valueOf).forEach(required::add);
        }
        var rule = new CategoryRule(rs.getString("category_code"), rs.getString("category_name"),
                MethodDefinition.Management.valueOf(rs.getString("management")),
                (Integer) rs.getObject("lead_group_size"), (Integer) rs.getObject("lead_group_deputies"),
                rs.getBoolean("lead_group_supervisor"), required, rs.getBoolean("no_leave"));
        String sbe = rs.getString("state_before_extension");
        return new Row(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("title"), rule,
                WorkSource.valueOf(rs.getString("source")), rs.getLong("lead_unit_id"),
                rs.getLong("responsible_person_id"), (Long) rs.getObject("supervising_leader_id"),
                (Long) rs.getObject("created_by_person_id"), rs.getString("created_by_name"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("original_deadline", LocalDate.class),
                rs.getObject("deadline", LocalDate.class), rs.getInt("extension_count"),
                rs.getObject("requested_deadline", LocalDate.class), rs.getString("target"), rs.getString("measures"),
                ReportFrequency.valueOf(rs.getString("report_frequency")), WorkState.valueOf(rs.getString("state")),
                sbe == null ? null : WorkState.valueOf(sbe), rs.getInt("progress"), Light.valueOf(rs.getString("light")),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getInt("version"));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

}
