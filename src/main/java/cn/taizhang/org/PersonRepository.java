package cn.taizhang.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for people, group memberships and external contacts. Every query names the tenant. */
@Repository
class PersonRepository {

    static final String COLUMNS = "p.id, p.tenant_id, p.unit_id, p.code, p.name, p.gender, p.position, p.title, "
            + "p.rank, p.phone, p.backup_person_id, p.active, p.version";

    private final JdbcClient jdbc;

    PersonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // mapped by hand, as in UnitRepository: rankings read every person of a county
    static Person map(ResultSet rs, int row) throws SQLException {
        String rank = rs.getString("rank");
        return new Person(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("unit_id"), rs.getString("code"),
                rs.getString("name"), rs.getString("gender"), Position.valueOf(rs.getString("position")),
                rs.getString("title"), rank == null ? null : Rank.valueOf(rank), rs.getString("phone"),
                rs.getObject("backup_person_id", Long.class), rs.getBoolean("active"), rs.getInt("version"));
    }

    Optional<Person> find(long tenantId, long id) {
        return jdbc.sql("select " + COLUMNS + " from person p where p.tenant_id = :t and p.id = :id")
                .param("t", tenantId).param("id", id).query(PersonRepository::map).optional();
    }

    Optional<Person> findByCode(long tenantId, String code) {
        return jdbc.sql("select " + COLUMNS + " from person p where p.tenant_id = :t and p.code = :c")
                .param("t", tenantId).param("c", code).query(PersonRepository::map).optional();
    }

    /**
     * People of the tenant, optionally only under a unit path, whose name or code contains the text.
     * All of them: rankings and imports must never see a silently shortened list.
     */
    List<Person> search(long tenantId, String subtreePath, Long selfPersonId, String text, boolean includeInactive) {
        // the unit is joined within the tenant (u.tenant_id = :t), so that only the tenant's own units are
        // read — by the (tenant_id, path) index — rather than every tenant's, which took ~7 ms a call at county scale
        return jdbc.sql("select " + COLUMNS + " from person p "
                        + "join org_unit u on u.id = p.unit_id and u.tenant_id = p.tenant_id "
                        + "where p.tenant_id = :t and u.tenant_id = :t"
                        + (subtreePath == null ? "" : " and u.path like :path")
                        + (selfPersonId == null ? "" : " and p.id = :self")
                        + (text == null || text.isBlank() ? "" : " and (p.name like :q or p.code like :q or p.title like :q)")
                        + (includeInactive ? "" : " and p.active")
                        + " order by u.path, p.position, p.code")
                .param("t", tenantId).param("path", subtreePath + "%").param("self", selfPersonId)
                .param("q", "%" + (text == null ? "" : text.trim()) + "%")
                .query(PersonRepository::map).list();
    }

    long insert(Person p) {
        return jdbc.sql("""
                insert into person (tenant_id, unit_id, code, name, gender, position, title, rank, phone, backup_person_id)
                values (:t, :u, :c, :n, :g, :pos, :title, :rank, :phone, :backup) returning id""")
                .param("t", p.tenantId()).param("u", p.unitId()).param("c", p.code()).param("n", p.name())
                .param("g", p.gender()).param("pos", p.position().name()).param("title", p.title())
                .param("rank", p.rank().name()).param("phone", p.phone()).param("backup", p.backupPersonId())
                .query(Long.class).single();
    }

    boolean update(Person p, int expectedVersion) {
        return jdbc.sql("""
                update person set unit_id = :u, code = :c, name = :n, gender = :g, position = :pos, title = :title,
                       rank = :rank, phone = :phone, backup_person_id = :backup, active = :active, version = version + 1
                where tenant_id = :t and id = :id and version = :v""")
                .param("t", p.tenantId()).param("id", p.id()).param("v", expectedVersion)
                .param("u", p.unitId()).param("c", p.code()).param("n", p.name()).param("g", p.gender())
                .param("pos", p.position().name()).param("title", p.title()).param("rank", p.rank().name())
                .param("phone", p.phone()).param("backup", p.backupPersonId()).param("active", p.active())
                .update() == 1;
    }

    List<Membership> memberships(long tenantId, long unitId, boolean includeEnded) {
        return jdbc.sql("""
                select m.id, m.unit_id, m.person_id, p.name as person_name, m.role, m.basis, m.basis_note,
                       m.term_end, m.active
                from group_membership m join person p on p.id = m.person_id
                where m.tenant_id = :t and m.unit_id = :u""" + (includeEnded ? "" : " and m.active") + """
                \sorder by m.active desc, case m.role when 'LEADER' then 0 when 'DEPUTY' then 1 else 2 end, p.code""")
                .param("t", tenantId).param("u", unitId).query(Membership.class).list();
    }

    List<Membership> membershipsOf(long tenantId, long personId) {
        return jdbc.sql("""
                select m.id, m.unit_id, m.person_id, p.name as person_name, m.role, m.basis, m.basis_note,
                       m.term_end, m.active
                from group_membership m join person p on p.id = m.person_id
                where m.tenant_id = :t and m.person_id = :p and m.active order by m.unit_id""")
                .param("t", tenantId).param("p", personId).query(Membership.class).list();
    }

    Optional<Membership> membership(long tenantId, long id) {
        return jdbc.sql("""
                select m.id, m.unit_id, m.person_id, p.name as person_name, m.role, m.basis, m.basis_note,
                       m.term_end, m.active
                from group_membership m join person p on p.id = m.person_id
                where m.tenant_id = :t and m.id = :id""")
                .param("t", tenantId).param("id", id).query(Membership.class).optional();
    }

    long insertMembership(long tenantId, long unitId, long personId, GroupRole role, String basis, String note,
                          java.time.LocalDate termEnd) {
        return jdbc.sql("""
                insert into group_membership (tenant_id, unit_id, person_id, role, basis, basis_note, term_end)
                values (:t, :u, :p, :r, :b, :n, :e) returning id""")
                .param("t", tenantId).param("u", unitId).param("p", personId).param("r", role.name())
                .param("b", basis).param("n", note).param("e", termEnd).query(Long.class).single();
    }

    void endMembership(long tenantId, long id) {
        jdbc.sql("update group_membership set active = false where tenant_id = :t and id = :id")
                .param("t", tenantId).param("id", id).update();
    }

    List<ExternalContact> contacts(long tenantId, long unitId) {
        return jdbc.sql("""
                select id, tenant_id, unit_id, kind, name, organisation, phone, active from external_contact
                where tenant_id = :t and unit_id = :u order by active desc, kind, name""")
                .param("t", tenantId).param("u", unitId).query(ExternalContact.class).list();
    }

    Optional<ExternalContact> contact(long tenantId, long id) {
        return jdbc.sql("""
                select id, tenant_id, unit_id, kind, name, organisation, phone, active from external_contact
                where tenant_id = :t and id = :id""")
                .param("t", tenantId).param("id", id).query(ExternalContact.class).optional();
    }

    long insertContact(long tenantId, long unitId, ContactKind kind, String name, String organisation, String phone) {
        return jdbc.sql("""
                insert into external_contact (tenant_id, unit_id, kind, name, organisation, phone)
                values (:t, :u, :k, :n, :o, :p) returning id""")
                .param("t", tenantId).param("u", unitId).param("k", kind.name()).param("n", name)
                .param("o", organisation).param("p", phone).query(Long.class).single();
    }

    void deactivateContact(long tenantId, long id) {
        jdbc.sql("update external_contact set active = false where tenant_id = :t and id = :id")
                .param("t", tenantId).param("id", id).update();
    }
}
