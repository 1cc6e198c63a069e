package cn.taizhang.method;

/** A compliance flag of the tenant's method and whether its approval basis has been recorded. */
public record FlagState(ComplianceFlag flag, ApprovalBasis approval) {

    /** On only with a recorded basis; otherwise the compliant default applies. */
    public boolean effective() {
        return approval != null;
    }
}
