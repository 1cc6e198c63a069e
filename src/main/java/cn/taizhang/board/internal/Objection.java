package cn.taizhang.board.internal;

import java.time.OffsetDateTime;

/** An objection of a person named in an issue, raised during the notice period. */
public record Objection(long id, long issueId, long entryId, Long personId, String raisedBy, String text,
                        OffsetDateTime raisedAt, Status status, String resolution, String resolvedBy,
                        OffsetDateTime resolvedAt) {

    public enum Status {
        OPEN, UPHELD, DISMISSED;

        public String messageKey() {
            return "board.objection.status." + name();
        }
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }
}
