package cn.taizhang.org;

/**
 * A person who holds a position in a tenant (ORG-2).
 *
 * @param backupPersonId the backup holder of this person's post (AB岗, ORG-4), who acts on leave
 */
public record Person(long id, long tenantId, long unitId, String code, String name, String gender,
                     Position position, String title, Rank rank, String phone, Long backupPersonId, boolean active,
                     int version) {
}
