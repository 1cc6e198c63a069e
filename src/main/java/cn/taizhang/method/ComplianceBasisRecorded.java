package cn.taizhang.method;

/** A tenant recorded the approval basis of a flagged practice: what depends on it may change now. */
public record ComplianceBasisRecorded(long tenantId, String flagCode) {
}
