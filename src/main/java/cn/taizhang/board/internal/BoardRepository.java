package cn.taizhang.board.internal;

import cn.taizhang.board.BoardEntry;
import cn.taizhang.board.BoardEntry.Subject;
import cn.taizhang.method.MethodDefinition.BoardKind;
import cn.taizhang.method.MethodDefinition.Visibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL on the board tables; every query names the tenant. */
@Repository
public class BoardRepository {

    private static final String ISSUE_COLUMNS = """
            i.id, i.tenant_id, i.code, i.board_code, i.board_name, i.board_kind, i.visibility, i.public_requires,
            i.notice_days, i.retention_days, i.period, i.status, i.corrects_issue_id, c.code as corrects_code,
            i.correction_reason, i.created_by, i.created_at, i.submitted_by, i.submitted_at, i.reviewed_by,
            i.notice_starts_at, i.notice_ends_at, i.published_by, i.published_at, i.chain_seq, i.previous_hash,
            i.content_hash, i.version,
            (select k.code from board_issue k where k.tenant_id = i.tenant_id and k.corrects_issue_id = i.id
               and k.status = 'PUBLISHED' order by k.chain_seq limit 1) as corrected_by_code
            from board_issue i left join board_issue c on c.id = i.corrects_issue_id and c.tenant_id = i.tenant_id
            """;

    private static final String ENTRY_COLUMNS = """
            id, issue_id, position, subject_kind, subject_name, subject_post, fact, points, amount_fen,
            source_module, source_id, person_id, withdrawn, withdrawn_reason, withdrawn_by from board_entry
            """;

    private final JdbcClient jdbc;

    BoardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the board work of one tenant (drafts and the chain) until the transaction ends. */
    public void lockTenant(long tenantId) {
        jdbc.sql("select pg_advisory_xact_lock(7311, cast(:t as int))").param("t", tenantId).query().singleRow();
    }

    public Optional<BoardIssue> issue(long tenantId, long id) {
        return jdbc.sql("select " + ISSUE_COLUMNS + " where i.tenant_id = :t and i.id = :id")
                .param("t", tenantId).param("id", id).query(ISSUE).optional();
    }

    /** An issue by its verification code, in whichever tenant (the code is unique across the installation). */
    public Optional<BoardIssue> byCode(String code) {
        return jdbc.sql("select " + ISSUE_COLUMNS + " where i.code = :c and i.tenant_id = (select tenant_id from board_issue where code = :c)")
                .param("c", code).query(ISSUE).optional();
    }

    public Optional<BoardIssue> openDraft(long tenantId, String boardCode, String period) {
        return jdbc.sql("select " + ISSUE_COLUMNS + """
                 where i.tenant_id = :t and i.board_code = :b and i.period = :p and i.status = 'DRAFT'
                   and i.corrects_issue_id is null
                """).param("t", tenantId).param("b", boardCode).param("p", period).query(ISSUE).optional();
    }

    /** An unpublished correction of the issue, if one is under way. */
    public Optional<BoardIssue> pendingCorrection(long tenantId, long correctsId) {
        return jdbc.sql("select " + ISSUE_COLUMNS + """
                 where i.tenant_id = :t and i.corrects_issue_id = :c and i.status <> 'PUBLISHED' order by i.id limit 1
                """).param("t", tenantId).param("c", correctsId).query(ISSUE).optional();
    }

    public List<BoardIssue> issues(long tenantId, List<IssueStatus> statuses) {
        return jdbc.sql("select " + ISSUE_COLUMNS + """
                 where i.tenant_id = :t and i.status in (:s)
                 order by i.published_at desc nulls first, i.id desc
                """).param("t", tenantId).param("s", statuses.stream().map(Enum::name).toList())
                .query(ISSUE).list();
    }

    /** The published issues of the tenant in chain order. */
    public List<BoardIssue> chain(long tenantId) {
        return jdbc.sql("select " + ISSUE_COLUMNS + " where i.tenant_id = :t and i.status = 'PUBLISHED' order by i.chain_seq")
                .param("t", tenantId).query(ISSUE).list();
    }

    /** The hash of the tenant's latest publication (it seals the whole chain before it); empty before the first. */
    public String chainHead(long tenantId) {
        return jdbc.sql("""
                select content_hash from board_issue where tenant_id = :t and status = 'PUBLISHED'
                order by chain_seq desc limit 1
                """).param("t", tenantId).query(String.class).optional().orElse("");
    }

    public Optional<BoardIssue> lastSealed(long tenantId) {
        return jdbc.sql("select " + ISSUE_COLUMNS + """
                 where i.tenant_id = :t and i.status = 'PUBLISHED' order by i.chain_seq desc limit 1
                """).param("t", tenantId).query(ISSUE).optional();
    }

    /** Issues still in the flow that name the person, for his or her notice. */
    public List<BoardIssue> namingPerson(long tenantId, long personId, List<IssueStatus> statuses) {
        return jdbc.sql("select " + ISSUE_COLUMNS + """
                 where i.tenant_id = :t and i.status in (:s) and exists (select 1 from board_entry e
                   where e.tenant_id = :t and e.issue_id = i.id and e.person_id = :p and not e.withdrawn)
                 order by i.id desc
                """).param("t", tenantId).param("p", personId)
                .param("s", statuses.stream().map(Enum::name).toList()).query(ISSUE).list();
    }

    public long insertIssue(long tenantId, String code, String boardCode, String boardName, BoardKind kind,
                            Visibility visibility, List<String> publicRequires, int noticeDays, Integer retentionDays,
                            String period, Long correctsId, String correctionReason, String by, OffsetDateTime at) {
        return jdbc.sql("""
                insert into board_issue (tenant_id, code, board_code, board_name, board_kind, visibility, public_requires,
                                         notice_days, retention_days, period, status, corrects_issue_id,
                                         correction_reason, created_by, created_at)
                values (:t, :code, :b, :bn, :k, :v, :req, :nd, :rd, :p, 'DRAFT', :c, :cr, :by, :at) returning id
                """).param("t", tenantId).param("code", code).param("b", boardCode).param("bn", boardName)
                .param("k", kind.name()).param("v", visibility.name()).param("req", String.join(",", publicRequires))
                .param("nd", noticeDays).param("rd", retentionDays).param("p", period).param("c", correctsId)
                .param("cr", correctionReason).param("by", by).param("at", at).query(Long.class).single();
    }

    public boolean codeTaken(String code) {
        return jdbc.sql("select count(*) from board_issue where code = :c").param("c", code).query(Long.class).single() > 0;
    }

    /** Moves the issue from one state to the next; false when somebody else moved it meanwhile. */
    public boolean submit(long tenantId, long id, int version, String by, OffsetDateTime at) {
        return jdbc.sql("""
                update board_issue set status = 'IN_REVIEW', submitted_by = :by, submitted_at = :at, version = version + 1
                where tenant_id = :t and id = :id and version = :v and status = 'DRAFT'
                """).param("t", tenantId).param("id", id).param("v", version).param("by", by).param("at", at)
                .update() == 1;
    }

    public boolean returnToDraft(long tenantId, long id, int version) {
        return jdbc.sql("""
                update board_issue set status = 'DRAFT', submitted_by = null, submitted_at = null, version = version + 1
                where tenant_id = :t and id = :id and version = :v and status = 'IN_REVIEW'
                """).param("t", tenantId).param("id", id).param("v", version).update() == 1;
    }

    public boolean startNotice(long tenantId, long id, int version, String by, OffsetDateTime starts,
                               OffsetDateTime ends) {
        return jdbc.sql("""
                update board_issue set status = 'NOTICE', reviewed_by = :by, notice_starts_at = :s, notice_ends_at = :e,
                       version = version + 1
                where tenant_id = :t and id = :id and version = :v and status = 'IN_REVIEW'
                """).param("t", tenantId).param("id", id).param("v", version).param("by", by).param("s", starts)
                .param("e", ends).update() == 1;
    }

    public boolean seal(long tenantId, long id, int version, String by, OffsetDateTime at, int seq, String previous,
                        String hash) {
        return jdbc.sql("""
                update board_issue set status = 'PUBLISHED', published_by = :by, published_at = :at, chain_seq = :seq,
                       previous_hash = :prev, content_hash = :hash, version = version + 1
                where tenant_id = :t and id = :id and version = :v and status = 'NOTICE'
                """).param("t", tenantId).param("id", id).param("v", version).param("by", by).param("at", at)
                .param("seq", seq).param("prev", previous).param("hash", hash).update() == 1;
    }

    // ---------------------------------------------------------------- entries

    public List<EntryRow> entries(long tenantId, long issueId) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " where tenant_id = :t and issue_id = :i order by position")
                .param("t", tenantId).param("i", issueId).query(ENTRY).list();
    }

    public Optional<EntryRow> entry(long tenantId, long issueId, long entryId) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " where tenant_id = :t and issue_id = :i and id = :id")
                .param("t", tenantId).param("i", issueId).param("id", entryId).query(ENTRY).optional();
    }

    /** Whether the source record is already on a live entry of a non-correction issue of this board. */
    public boolean sourceOnBoard(long tenantId, String boardCode, String module, String sourceId) {
        return jdbc.sql("""
                select count(*) from board_entry e join board_issue i on i.id = e.issue_id and i.tenant_id = e.tenant_id
                where e.tenant_id = :t and i.board_code = :b and i.corrects_issue_id is null
                  and e.source_module = :m and e.source_id = :s and not e.withdrawn
                """).param("t", tenantId).param("b", boardCode).param("m", module).param("s", sourceId)
                .query(Long.class).single() > 0;
    }

    public long insertEntry(long tenantId, long issueId, BoardEntry e) {
        return jdbc.sql("""
                insert into board_entry (tenant_id, issue_id, position, subject_kind, subject_name, subject_post, fact,
                                         points, amount_fen, source_module, source_id, person_id)
                values (:t, :i, (select coalesce(max(position), 0) + 1 from board_entry where tenant_id = :t and issue_id = :i),
                        :k, :n, :post, :f, :pts, :amt, :m, :s, :p) returning id
                """).param("t", tenantId).param("i", issueId).param("k", e.subject().name()).param("n", e.name())
                .param("post", e.post()).param("f", e.fact()).param("pts", e.points()).param("amt", e.amountFen())
                .param("m", e.sourceModule()).param("s", e.sourceId()).param("p", e.personId())
                .query(Long.class).single();
    }

    public void withdraw(long tenantId, long issueId, long entryId, String reason, String by) {
        jdbc.sql("""
                update board_entry set withdrawn = true, withdrawn_reason = :r, withdrawn_by = :by
                where tenant_id = :t and issue_id = :i and id = :id
                """).param("t", tenantId).param("i", issueId).param("id", entryId).param("r", reason).param("by", by)
                .update();
    }

    // ---------------------------------------------------------------- objections

    public List<Objection> objections(long tenantId, long issueId) {
        return jdbc.sql("""
                select id, issue_id, entry_id, person_id, raised_by, text, raised_at, status, resolution, resolved_by,
                       resolved_at
                from board_objection where tenant_id = :t and issue_id = :i order by id
                """).param("t", tenantId).param("i", issueId).query(Objection.class).list();
    }

    public long insertObjection(long tenantId, long issueId, long entryId, Long personId, String by, String text,
                                OffsetDateTime at) {
        return jdbc.sql("""
                insert into board_objection (tenant_id, issue_id, entry_id, person_id, raised_by, text, raised_at)
                values (:t, :i, :e, :p, :by, :text, :at) returning id
                """).param("t", tenantId).param("i", issueId).param("e", entryId).param("p", personId)
                .param("by", by).param("text", text).param("at", at).query(Long.class).single();
    }

    public boolean resolve(long tenantId, long issueId, long objectionId, Objection.Status outcome, String resolution,
                           String by, OffsetDateTime at) {
        return jdbc.sql("""
                update board_objection set status = :s, resolution = :r, resolved_by = :by, resolved_at = :at
                where tenant_id = :t and issue_id = :i and id = :id and status = 'OPEN'
                """).param("t", tenantId).param("i", issueId).param("id", objectionId).param("s", outcome.name())
                .param("r", resolution).param("by", by).param("at", at).update() == 1;
    }

    // ---------------------------------------------------------------- mapping

    private static final RowMapper<BoardIssue> ISSUE = BoardRepository::issueRow;

    private static final RowMapper<EntryRow> ENTRY = (rs, n) -> new EntryRow(rs.getLong("id"), rs.getLong("issue_id"),
            rs.getInt("position"), Subject.valueOf(rs.getString("subject_kind")), rs.getString("subject_name"),
            rs.getString("subject_post"), rs.getString("fact"), rs.getBigDecimal("points"),
            (Long) rs.getObject("amount_fen", Long.class), rs.getString("source_module"), rs.getString("source_id"),
            (Long) rs.getObject("person_id", Long.class), rs.getBoolean("withdrawn"), rs.getString("withdrawn_reason"),
            rs.getString("withdrawn_by"));

    private static BoardIssue issueRow(ResultSet rs, int n) throws SQLException {
        String req = rs.getString("public_requires");
        return new BoardIssue(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("code"),
                rs.getString("board_code"), rs.getString("board_name"), BoardKind.valueOf(rs.getString("board_kind")),
                Visibility.valueOf(rs.getString("visibility")),
                req == null || req.isBlank() ? List.of() : Arrays.asList(req.split(",")),
                rs.getInt("notice_days"), rs.getObject("retention_days", Integer.class), rs.getString("period"),
                IssueStatus.valueOf(rs.getString("status")), rs.getObject("corrects_issue_id", Long.class),
                rs.getString("corrects_code"), rs.getString("correction_reason"), rs.getString("created_by"),
                time(rs, "created_at"), rs.getString("submitted_by"), time(rs, "submitted_at"),
                rs.getString("reviewed_by"), time(rs, "notice_starts_at"), time(rs, "notice_ends_at"),
                rs.getString("published_by"), time(rs, "published_at"), rs.getObject("chain_seq", Integer.class),
                rs.getString("previous_hash"), rs.getString("content_hash"), rs.getInt("version"),
                rs.getString("corrected_by_code"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
