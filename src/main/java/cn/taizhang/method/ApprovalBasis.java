package cn.taizhang.method;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The basis a tenant recorded for a flagged practice: without it the practice stays off. */
public record ApprovalBasis(long id, long tenantId, String flagCode, String documentNumber, String approvingBody,
                            LocalDate approvedOn, String recordedBy, OffsetDateTime recordedAt) {
}
