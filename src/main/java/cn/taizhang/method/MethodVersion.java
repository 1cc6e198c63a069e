package cn.taizhang.method;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One version of a tenant's method. A version is edited only while it is a DRAFT; once adopted it
 * never changes (a later adoption only marks it SUPERSEDED).
 */
public record MethodVersion(long id, long tenantId, String code, int version, String name, String preset,
                            Long basedOnId, String yaml, Status status, String note, String createdBy,
                            OffsetDateTime createdAt, OffsetDateTime adoptedAt, MethodDefinition definition,
                            List<ComplianceFlag> flags) {

    public enum Status { DRAFT, ADOPTED, SUPERSEDED }

    public boolean isDraft() {
        return status == Status.DRAFT;
    }
}
