package cn.taizhang.board.internal;

import java.time.OffsetDateTime;

/**
 * An objection of a person named in an issue, raised during the notice period; linkedModule and
 * linkedId name the record it became in the module the entry comes from (scoring: appeal:ID).
 */
public record Objection(long id, long issueId, long entryId, Long personId, String raisedBy, String text,
                        OffsetDateTime raisedAt, Status status, String resolution, String resolvedBy,
                        OffsetDateTime resolvedAt, String linkedModule, String linkedId) {

    public enum Status {
        OPEN, UPHELD, DISMISSED;

        public String messageKey() {
            return "board.objection.status." + name();
        }
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    /** Taken up by the module the entry comes from (e.g. as a scoring appeal), and settled there. */
    public boolean isLinked() {
        return linkedModule != null;
    }
}
