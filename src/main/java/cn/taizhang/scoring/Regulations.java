package cn.taizhang.scoring;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import cn.taizhang.shared.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * RULE-1: the register of a township's regulations (立制度), each versioned with its effective
 * dates, and their numbered articles, which score events cite.
 */
@Service
public class Regulations {

    public record Regulation(long id, String code, String title, int version, LocalDate effectiveFrom,
                             LocalDate effectiveTo) {
        public boolean effectiveOn(LocalDate day) {
            return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
        }
    }

    public record Article(long id, long regulationId, String regulationTitle, int version, String number, String text,
                          LocalDate effectiveFrom, LocalDate effectiveTo) {
        /** 《考核办法》第十二条（第2版） */
        public String citation() {
            return regulationTitle + " " + number + "（第" + version + "版）";
        }

        public boolean effectiveOn(LocalDate day) {
            return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
        }
    }

    private final JdbcClient jdbc;
    private final AuditJournal journal;
    private final Clock clock;

    Regulations(JdbcClient jdbc, AuditJournal journal, Clock clock) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.clock = clock;
    }

    public List<Regulation> all(long tenantId) {
        return jdbc.sql("""
                select id, code, title, version, effective_from, effective_to from regulation
                where tenant_id = :t order by code, version
                """).param("t", tenantId).query(Regulation.class).list();
    }

    private static final String ARTICLES = """
            select a.id, a.regulation_id, r.title as regulation_title, r.version, a.number, a.text,
                   r.effective_from, r.effective_to
            from regulation_article a join regulation r on r.id = a.regulation_id and r.tenant_id = a.tenant_id
            where a.tenant_id = :t
            """;

    public List<Article> articles(long tenantId) {
        return jdbc.sql(ARTICLES + " order by r.code, r.version, a.id").param("t", tenantId).query(Article.class).list();
    }

    public Optional<Article> article(long tenantId, long articleId) {
        return jdbc.sql(ARTICLES + " and a.id = :id").param("t", tenantId).param("id", articleId)
                .query(Article.class).optional();
    }

    @Transactional
    public Regulation register(CurrentUser user, String code, String title, int version, LocalDate effectiveFrom,
                               LocalDate effectiveTo) {
        requireEditor(user);
        if (code == null || code.isBlank()) {
            throw DomainException.atField("code", "scoring.regulation.codeRequired");
        }
        if (title == null || title.isBlank()) {
            throw DomainException.atField("title", "scoring.regulation.titleRequired");
        }
        if (effectiveFrom == null) {
            throw DomainException.atField("effectiveFrom", "scoring.regulation.fromRequired");
        }
        if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw DomainException.atField("effectiveTo", "scoring.regulation.toBeforeFrom");
        }
        long id;
        try {
            id = jdbc.sql("""
                    insert into regulation (tenant_id, code, title, version, effective_from, effective_to, created_by,
                                            created_at)
                    values (:t, :c, :title, :v, :from, :to, :by, :at) returning id
                    """).param("t", user.tenantId()).param("c", code.trim()).param("title", title.trim())
                    .param("v", version).param("from", effectiveFrom).param("to", effectiveTo)
                    .param("by", user.username()).param("at", OffsetDateTime.now(clock)).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw DomainException.atField("version", "scoring.regulation.versionExists", code.trim(), version);
        }
        journal.record(user.tenantId(), "regulation.registered", "regulation", id, "登记制度 " + title.trim() + " 第" + version + "版",
                null, Map.of("code", code.trim(), "version", version, "effectiveFrom", effectiveFrom.toString()), null);
        return all(user.tenantId()).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public Article addArticle(CurrentUser user, long regulationId, String number, String text) {
        requireEditor(user);
        Regulation r = all(user.tenantId()).stream().filter(x -> x.id() == regulationId).findFirst()
                .orElseThrow(() -> new NotFoundException("regulation", regulationId));
        if (number == null || number.isBlank()) {
            throw DomainException.atField("number", "scoring.regulation.numberRequired");
        }
        if (text == null || text.isBlank()) {
            throw DomainException.atField("text", "scoring.regulation.textRequired");
        }
        long id;
        try {
            id = jdbc.sql("""
                    insert into regulation_article (tenant_id, regulation_id, number, text) values (:t, :r, :n, :x)
                    returning id
                    """).param("t", user.tenantId()).param("r", r.id()).param("n", number.trim()).param("x", text.trim())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw DomainException.atField("number", "scoring.regulation.articleExists", number.trim());
        }
        journal.record(user.tenantId(), "regulation.articleAdded", "regulation_article", id,
                r.title() + " 增加 " + number.trim(), null, Map.of("number", number.trim()), null);
        return article(user.tenantId(), id).orElseThrow();
    }

    private static void requireEditor(CurrentUser user) {
        if (!user.hasAny(Role.LEADERSHIP, Role.DISCIPLINE)) {
            throw new AccessDeniedException();
        }
    }
}
