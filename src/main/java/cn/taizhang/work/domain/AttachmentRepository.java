package cn.taizhang.work.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for attachments (附件); the bytes are read only for a download. Every query names the tenant. */
@Repository
public class AttachmentRepository {

    private static final String META = """
            id, item_id, ledger_entry_id, photo, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at""";

    private final JdbcClient jdbc;

    AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long tenantId, long itemId, long entryId, boolean photo, AttachmentPolicy.Checked f,
                       Actor by, OffsetDateTime at) {
        return jdbc.sql("""
                insert into work_attachment (tenant_id, item_id, ledger_entry_id, photo, file_name, content_type,
                    size_bytes, sha256, content, uploaded_by, uploaded_by_person_id, uploaded_at)
                values (:t, :i, :e, :photo, :name, :type, :size, :sha, :content, :by, :byPerson, :at) returning id""")
                .param("t", tenantId).param("i", itemId).param("e", entryId).param("photo", photo)
                .param("name", f.fileName()).param("type", f.contentType()).param("size", f.bytes().length)
                .param("sha", f.sha256()).param("content", f.bytes())
                .param("by", by.name().length() > 50 ? by.name().substring(0, 50) : by.name())
                .param("byPerson", by.personId()).param("at", at)
                .query(Long.class).single();
    }

    public List<Attachment> ofItem(long tenantId, long itemId) {
        return jdbc.sql("select " + META + " from work_attachment where tenant_id = :t and item_id = :i order by id")
                .param("t", tenantId).param("i", itemId).query(Attachment.class).list();
    }

    public Optional<Attachment> find(long tenantId, long itemId, long id) {
        return jdbc.sql("select " + META + " from work_attachment where tenant_id = :t and item_id = :i and id = :id")
                .param("t", tenantId).param("i", itemId).param("id", id).query(Attachment.class).optional();
    }

    public byte[] content(long tenantId, long id) {
        return jdbc.sql("select content from work_attachment where tenant_id = :t and id = :id")
                .param("t", tenantId).param("id", id).query(byte[].class).single();
    }
}
