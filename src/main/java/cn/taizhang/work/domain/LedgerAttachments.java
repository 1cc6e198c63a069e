package cn.taizhang.work.domain;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files on ledger lines (附件, issue 3 point 5): a report, an answer or a close-out with its files,
 * in one transaction, so a refused file leaves nothing behind; downloads for whoever may see the item.
 */
@Service
public class LedgerAttachments {

    /** Ledger lines a file may be added to afterwards, by the person who wrote them. */
    private static final Set<LedgerKind> ATTACHABLE = EnumSet.of(LedgerKind.REPORT, LedgerKind.ANSWER,
            LedgerKind.DOCUMENT, LedgerKind.COMPLETION_REQUESTED, LedgerKind.CLOSED_OUT, LedgerKind.INSPECTION);

    /** A stored file with its bytes, for a download. */
    public record StoredFile(Attachment attachment, byte[] content) {
    }

    private final WorkItems work;
    private final WorkItemRepository items;
    private final AttachmentRepository attachments;
    private final AttachmentPolicy policy;
    private final AuditJournal journal;
    private final Clock clock;

    LedgerAttachments(WorkItems work, WorkItemRepository items, AttachmentRepository attachments,
                      AttachmentPolicy policy, AuditJournal journal, Clock clock) {
        this.work = work;
        this.items = items;
        this.attachments = attachments;
        this.policy = policy;
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional
    public WorkItem report(CurrentUser user, long id, Integer percent, String text, List<Upload> files) {
        var checked = policy.check(files, false, "files");
        WorkItem item = work.report(user, id, percent, text);
        store(user, item, item.storedEntryIds().get(0), checked, false);
        return item;
    }

    @Transactional
    public WorkItem answer(CurrentUser user, long id, Long queryId, String text, List<Upload> files) {
        var checked = policy.check(files, false, "files");
        WorkItem item = work.answer(user, id, queryId, text);
        store(user, item, item.storedEntryIds().get(0), checked, false);
        return item;
    }

    @Transactional
    public WorkItem closeOut(CurrentUser user, long id, String evidence, List<Upload> files) {
        var checked = policy.check(files, false, "files");
        WorkItem item = work.closeOut(user, id, evidence);
        store(user, item, item.storedEntryIds().get(0), checked, false);
        return item;
    }

    /**
     * Adds files to a ledger line the caller wrote (a report, answer, document, completion request,
     * close-out or inspection; an inspection takes photos only).
     */
    @Transactional
    public List<Attachment> attach(CurrentUser user, long itemId, long entryId, List<Upload> files) {
        WorkItem item = work.item(user, itemId);
        LedgerEntry entry = items.ledgerEntry(item.tenantId(), itemId, entryId)
                .orElseThrow(() -> new NotFoundException("work_ledger_entry", entryId));
        if (!ATTACHABLE.contains(entry.kind()) || user.personId() == null
                || !Objects.equals(entry.actorPersonId(), user.personId())) {
            throw DomainException.atField("entryId", "inspection.file.notYourEntry");
        }
        boolean photos = entry.kind() == LedgerKind.INSPECTION;
        var checked = policy.check(files, photos, "files");
        if (checked.isEmpty()) {
            throw DomainException.atField("files", "inspection.file.none");
        }
        return store(user, item, entryId, checked, photos);
    }

    /** Stores checked files on a ledger line and journals each with its digest. */
    List<Attachment> store(CurrentUser user, WorkItem item, long entryId, List<AttachmentPolicy.Checked> files,
                           boolean photos) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Actor by = new Actor(user.displayName(), user.personId());
        List<Attachment> stored = new ArrayList<>();
        for (AttachmentPolicy.Checked f : files) {
            long id = attachments.insert(item.tenantId(), item.id(), entryId, photos, f, by, now);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("ledgerEntry", entryId);
            after.put("fileName", f.fileName());
            after.put("contentType", f.contentType());
            after.put("size", f.bytes().length);
            after.put("sha256", f.sha256());
            after.put("photo", photos);
            journal.record(item.tenantId(), "work.attachmentAdded", "work_item", item.id(),
                    "工作事项「" + item.title() + "」附件「" + f.fileName() + "」", null, after, null);
            stored.add(new Attachment(id, item.id(), entryId, photos, f.fileName(), f.contentType(), f.bytes().length,
                    f.sha256(), by.name(), now));
        }
        return stored;
    }

    /** The item's files, if the user may see the item; otherwise "not found". */
    public List<Attachment> list(CurrentUser user, long itemId) {
        WorkItem item = work.item(user, itemId);
        return attachments.ofItem(item.tenantId(), itemId);
    }

    /** One file with its bytes; outside the user's sight, or not of this item: "not found". */
    public StoredFile download(CurrentUser user, long itemId, long attachmentId) {
        WorkItem item = work.item(user, itemId);
        Attachment a = attachments.find(item.tenantId(), itemId, attachmentId)
                .orElseThrow(() -> new NotFoundException("work_attachment", attachmentId));
        return new StoredFile(a, attachments.content(item.tenantId(), attachmentId));
    }
}
