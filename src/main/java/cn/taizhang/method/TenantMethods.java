package cn.taizhang.method;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.org.Tenants;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each tenant's versions of its method: adopt a preset, copy a version into a draft, edit the
 * draft (validated; a bad draft is refused and nothing is stored), adopt the draft. Exactly one
 * version per tenant is ADOPTED; adopted versions are never edited. Every change is journalled.
 *
 * <p>Callers pass the tenant id of the signed-in user; every query is scoped by it.
 */
@Service
public class TenantMethods {

    private final MethodVersionRepository versions;
    private final MethodCatalog catalog;
    private final Tenants tenants;
    private final AuditJournal journal;
    private final Clock clock;

    TenantMethods(MethodVersionRepository versions, MethodCatalog catalog, Tenants tenants, AuditJournal journal,
                  Clock clock) {
        this.versions = versions;
        this.catalog = catalog;
        this.tenants = tenants;
        this.journal = journal;
        this.clock = clock;
    }

    /** The tenant's adopted method, if it has adopted one. */
    public Optional<MethodVersion> active(long tenantId) {
        return versions.adopted(tenantId);
    }

    public List<MethodVersion> versions(long tenantId) {
        return versions.all(tenantId);
    }

    public MethodVersion version(long tenantId, long versionId) {
        return versions.find(tenantId, versionId).orElseThrow(() -> new NotFoundException("method_version", versionId));
    }

    /** Stores the preset as the tenant's next version of that code (version 1 the first time) and adopts it. */
    @Transactional
    public MethodVersion adoptPreset(long tenantId, String presetCode) {
        lock(tenantId);
        Preset preset = catalog.preset(presetCode).orElseThrow(() -> new NotFoundException("preset", presetCode));
        MethodDefinition d = preset.definition();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<MethodVersion> before = versions.adopted(tenantId);
        versions.supersedeAdopted(tenantId);
        int number = versions.nextVersion(tenantId, d.code());
        long id = versions.insert(tenantId, d.code(), number, d.name(), preset.code(), null, preset.yaml(),
                MethodVersion.Status.ADOPTED, null, actor(), now);
        journal.record(tenantId, "method.presetAdopted", "method_version", id,
                "采用预置方法 " + d.name() + " 第 " + number + " 版",
                before.map(TenantMethods::state).orElse(null), state(id, d.code(), number, "ADOPTED"), null);
        return version(tenantId, id);
    }

    /** A new draft with the next version number, holding the text of the given version. */
    @Transactional
    public MethodVersion copyForEditing(long tenantId, long fromVersionId) {
        lock(tenantId);
        MethodVersion from = version(tenantId, fromVersionId);
        int number = versions.nextVersion(tenantId, from.code());
        long id = versions.insert(tenantId, from.code(), number, from.name(), from.preset(), from.id(), from.yaml(),
                MethodVersion.Status.DRAFT, null, actor(), OffsetDateTime.now(clock));
        journal.record(tenantId, "method.draftCreated", "method_version", id,
                "复制 " + from.name() + " 第 " + from.version() + " 版为草稿第 " + number + " 版",
                null, state(id, from.code(), number, "DRAFT"), null);
        return version(tenantId, id);
    }

    /**
     * Replaces the draft's text. The text is validated first; a bad one is refused with all its
     * problems ({@link InvalidMethodException}) and nothing is stored.
     */
    @Transactional
    public MethodVersion saveDraft(long tenantId, long versionId, String yaml, String note) {
        lock(tenantId);
        MethodVersion draft = requireDraft(tenantId, versionId);
        MethodDefinition d = catalog.check(yaml).requireValid();
        if (!d.code().equals(draft.code())) {
            throw new InvalidMethodException(List.of(new MethodProblem("code", 0, "method.problem.codeChanged",
                    List.of(draft.code()))));
        }
        versions.updateDraft(tenantId, versionId, d.name(), yaml, note);
        Map<String, Object> before = state(draft);
        before.put("length", draft.yaml().length());
        Map<String, Object> after = state(draft);
        after.put("length", yaml.length());
        journal.record(tenantId, "method.draftSaved", "method_version", versionId,
                "保存草稿 " + d.name() + " 第 " + draft.version() + " 版", before, after, note);
        return version(tenantId, versionId);
    }

    /** Adopts the draft: it becomes the tenant's method, the previously adopted version is superseded. */
    @Transactional
    public MethodVersion adopt(long tenantId, long draftId) {
        lock(tenantId);
        MethodVersion draft = requireDraft(tenantId, draftId);
        catalog.check(draft.yaml()).requireValid();
        Optional<MethodVersion> before = versions.adopted(tenantId);
        versions.supersedeAdopted(tenantId);
        versions.adoptDraft(tenantId, draftId, OffsetDateTime.now(clock));
        journal.record(tenantId, "method.adopted", "method_version", draftId,
                "采用 " + draft.name() + " 第 " + draft.version() + " 版",
                before.map(TenantMethods::state).orElse(null), state(draftId, draft.code(), draft.version(), "ADOPTED"),
                draft.note());
        return version(tenantId, draftId);
    }

    private MethodVersion requireDraft(long tenantId, long versionId) {
        MethodVersion v = version(tenantId, versionId);
        if (!v.isDraft()) {
            throw new DomainException("method.version.notDraft", String.valueOf(v.version()));
        }
        return v;
    }

    private void lock(long tenantId) {
        if (tenants.find(tenantId).isEmpty() || !versions.lockTenant(tenantId)) {
            throw new NotFoundException("tenant", tenantId);
        }
    }

    private static String actor() {
        return CurrentUser.find().map(CurrentUser::username).orElse("system");
    }

    private static Map<String, Object> state(MethodVersion v) {
        return state(v.id(), v.code(), v.version(), v.status().name());
    }

    private static Map<String, Object> state(long id, String code, int version, String status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("code", code);
        m.put("version", version);
        m.put("status", status);
        return m;
    }
}
