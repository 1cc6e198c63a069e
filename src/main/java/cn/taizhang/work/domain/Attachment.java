package cn.taizhang.work.domain;

import java.time.OffsetDateTime;

/** A stored file of a ledger line (附件), without its bytes. */
public record Attachment(long id, long itemId, long ledgerEntryId, boolean photo, String fileName, String contentType,
                         long sizeBytes, String sha256, String uploadedBy, OffsetDateTime uploadedAt) {

    public boolean image() {
        return contentType.startsWith("image/");
    }
}
