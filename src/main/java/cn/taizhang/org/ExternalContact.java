package cn.taizhang.org;

/**
 * A resident, deputy, CPPCC member or business head known to a unit as one of its service
 * recipients, who may be sampled to rate it (ORG-2, ASSESS-3). Not staff, never signs in.
 */
public record ExternalContact(long id, long tenantId, long unitId, ContactKind kind, String name,
                              String organisation, String phone, boolean active) {
}
