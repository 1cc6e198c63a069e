package cn.taizhang.work.domain;

import cn.taizhang.method.MethodDefinition.Document;
import java.time.OffsetDateTime;

/** A work plan or risk assessment as submitted. */
public record StoredDocument(long id, Document kind, String body, String submittedBy, OffsetDateTime submittedAt) {
}
