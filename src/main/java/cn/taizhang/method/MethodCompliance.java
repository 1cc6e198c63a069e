package cn.taizhang.method;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The compliance state of each tenant's method (POLICY.md): which flagged practices are effective
 * because the tenant recorded their approval basis. Later modules ask {@link #isEffective} before
 * they apply a flagged practice (a veto, a public black board, leader liability, ...), and apply
 * the compliant default otherwise.
 */
@Service
public class MethodCompliance {

    private final JdbcClient jdbc;
    private final TenantMethods methods;
    private final AuditJournal journal;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    MethodCompliance(JdbcClient jdbc, TenantMethods methods, AuditJournal journal, Clock clock,
                     ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.methods = methods;
        this.journal = journal;
        this.clock = clock;
    }

    /** Whether the flagged practice may take effect for the tenant: only once its approval basis is recorded. */
    public boolean isEffective(long tenantId, String flagCode) {
        return approval(tenantId, flagCode).isPresent();
    }

    /** The flags of the tenant whose basis is recorded now (one query, for pages that check many). */
    public Set<String> effectiveFlags(long tenantId) {
        return Set.copyOf(jdbc.sql("select flag_code from compliance_approval where tenant_id = :t and active")
                .param("t", tenantId).query(String.class).list());
    }

    public Optional<ApprovalBasis> approval(long tenantId, String flagCode) {
        return jdbc.sql("""
                select id, tenant_id, flag_code, document_number, approving_body, approved_on, recorded_by, recorded_at
                from compliance_approval where tenant_id = :t and flag_code = :f and active
                """).param("t", tenantId).param("f", flagCode).query(ApprovalBasis.class).optional();
    }

    /** The flags of the tenant's adopted method with their state; empty when none is adopted. */
    public List<FlagState> report(long tenantId) {
        return methods.active(tenantId).map(v -> states(tenantId, v.flags())).orElse(List.of());
    }

    /** The given flags (e.g. of a draft) with the tenant's recorded approvals. */
    public List<FlagState> states(long tenantId, List<ComplianceFlag> flags) {
        return flags.stream().map(f -> new FlagState(f, approval(tenantId, f.code()).orElse(null))).toList();
    }

    /**
     * Records the approval basis of a flag of the tenant's adopted method. A basis recorded before
     * for the same flag is replaced (kept inactive, for the record).
     */
    @Transactional
    public ApprovalBasis recordApproval(long tenantId, String flagCode, String documentNumber, String approvingBody,
                                        LocalDate approvedOn) {
        MethodVersion active = methods.active(tenantId)
                .orElseThrow(() -> new DomainException("method.compliance.noMethod"));
        if (active.flags().stream().noneMatch(f -> f.code().equals(flagCode))) {
            throw DomainException.atField("flagCode", "method.compliance.unknownFlag", flagCode);
        }
        if (isBlank(documentNumber) || isBlank(approvingBody) || approvedOn == null) {
            throw new DomainException("method.compliance.basisIncomplete");
        }
        if (approvedOn.isAfter(LocalDate.now(clock))) {
            throw DomainException.atField("approvedOn", "method.compliance.futureDate");
        }
        Optional<ApprovalBasis> before = approval(tenantId, flagCode);
        before.ifPresent(b -> jdbc.sql("update compliance_approval set active = false where id = :id")
                .param("id", b.id()).update());
        String by = CurrentUser.find().map(CurrentUser::username).orElse("system");
        long id = jdbc.sql("""
                insert into compliance_approval (tenant_id, flag_code, document_number, approving_body, approved_on,
                                                 recorded_by, recorded_at)
                values (:t, :f, :doc, :body, :on, :by, :at) returning id
                """).param("t", tenantId).param("f", flagCode).param("doc", documentNumber.trim())
                .param("body", approvingBody.trim()).param("on", approvedOn).param("by", by)
                .param("at", OffsetDateTime.now(clock)).query(Long.class).single();
        journal.record(tenantId, "method.approvalRecorded", "compliance_approval", id,
                "登记合规依据 " + flagCode + "：" + documentNumber.trim(),
                before.map(MethodCompliance::state).orElse(null),
                Map.of("flagCode", flagCode, "documentNumber", documentNumber.trim(),
                        "approvingBody", approvingBody.trim(), "approvedOn", approvedOn.toString()), null);
        events.publishEvent(new ComplianceBasisRecorded(tenantId, flagCode));
        return approval(tenantId, flagCode).orElseThrow();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static Map<String, Object> state(ApprovalBasis b) {
        return Map.of("flagCode", b.flagCode(), "documentNumber", b.documentNumber(),
                "approvingBody", b.approvingBody(), "approvedOn", b.approvedOn().toString());
    }
}
