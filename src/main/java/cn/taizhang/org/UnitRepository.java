package cn.taizhang.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for org units. Every query names the tenant. */
@Repository
class UnitRepository {

    private static final String COLUMNS = "id, tenant_id, parent_id, path, kind, code, name, sort_order, active, version";

    private final JdbcClient jdbc;

    UnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // mapped by hand: the record mapper looks each column up under two names and the driver answers
    // a miss with an exception, which made a page's unit list cost more than its query
    static OrgUnit map(ResultSet rs, int row) throws SQLException {
        return new OrgUnit(rs.getLong("id"), rs.getLong("tenant_id"), rs.getObject("parent_id", Long.class),
                rs.getString("path"), UnitKind.valueOf(rs.getString("kind")), rs.getString("code"),
                rs.getString("name"), rs.getInt("sort_order"), rs.getBoolean("active"), rs.getInt("version"));
    }

    Optional<OrgUnit> find(long tenantId, long id) {
        return jdbc.sql("select " + COLUMNS + " from org_unit where tenant_id = :t and id = :id")
                .param("t", tenantId).param("id", id).query(UnitRepository::map).optional();
    }

    Optional<OrgUnit> findInTenants(Collection<Long> tenants, long id) {
        if (tenants.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from org_unit where tenant_id in (:t) and id = :id")
                .param("t", tenants).param("id", id).query(UnitRepository::map).optional();
    }

    Optional<OrgUnit> findByCode(long tenantId, String code) {
        return jdbc.sql("select " + COLUMNS + " from org_unit where tenant_id = :t and code = :c")
                .param("t", tenantId).param("c", code).query(UnitRepository::map).optional();
    }

    Optional<OrgUnit> root(long tenantId) {
        return jdbc.sql("select " + COLUMNS + " from org_unit where tenant_id = :t and parent_id is null")
                .param("t", tenantId).query(UnitRepository::map).optional();
    }

    /** The tenant's units in tree order: each unit followed by its subtree, siblings by sort order. */
    List<OrgUnit> tree(long tenantId, String subtreePath, boolean includeInactive) {
        List<OrgUnit> units = jdbc.sql("select " + COLUMNS + " from org_unit where tenant_id = :t"
                        + (subtreePath == null ? "" : " and path like :p")
                        + (includeInactive ? "" : " and active"))
                .param("t", tenantId).param("p", subtreePath + "%")
                .query(UnitRepository::map).list();
        return inTreeOrder(units);
    }

    static List<OrgUnit> inTreeOrder(List<OrgUnit> units) {
        Map<Long, List<OrgUnit>> children = new HashMap<>();
        Set<Long> ids = new HashSet<>();
        units.forEach(u -> ids.add(u.id()));
        List<OrgUnit> tops = new ArrayList<>();
        for (OrgUnit u : units) {
            if (u.parentId() != null && ids.contains(u.parentId())) {
                children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            } else {
                tops.add(u);
            }
        }
        Comparator<OrgUnit> siblings = Comparator.comparingInt(OrgUnit::sortOrder).thenComparing(OrgUnit::code);
        List<OrgUnit> ordered = new ArrayList<>(units.size());
        Deque<OrgUnit> stack = new ArrayDeque<>();
        tops.sort(siblings.reversed());
        tops.forEach(stack::push);
        while (!stack.isEmpty()) {
            OrgUnit u = stack.pop();
            ordered.add(u);
            List<OrgUnit> kids = new ArrayList<>(children.getOrDefault(u.id(), List.of()));
            kids.sort(siblings.reversed());
            kids.forEach(stack::push);
        }
        return ordered;
    }

    long insert(long tenantId, Long parentId, String parentPath, UnitKind kind, String code, String name, int sortOrder) {
        long id = jdbc.sql("""
                insert into org_unit (tenant_id, parent_id, path, kind, code, name, sort_order)
                values (:t, :p, '', :k, :c, :n, :s) returning id""")
                .param("t", tenantId).param("p", parentId).param("k", kind.name()).param("c", code)
                .param("n", name).param("s", sortOrder).query(Long.class).single();
        jdbc.sql("update org_unit set path = :path where id = :id")
                .param("path", (parentPath == null ? "/" : parentPath) + id + "/").param("id", id).update();
        return id;
    }

    /** Optimistic: refuses (returns false) when somebody else changed the unit meanwhile. */
    boolean update(long tenantId, long id, int expectedVersion, UnitKind kind, String code, String name, int sortOrder) {
        return jdbc.sql("""
                update org_unit set kind = :k, code = :c, name = :n, sort_order = :s, version = version + 1
                where tenant_id = :t and id = :id and version = :v""")
                .param("k", kind.name()).param("c", code).param("n", name).param("s", sortOrder)
                .param("t", tenantId).param("id", id).param("v", expectedVersion).update() == 1;
    }

    /** Moves the unit and rewrites the paths of its whole subtree. */
    void move(long tenantId, OrgUnit unit, OrgUnit newParent) {
        String newPath = newParent.path() + unit.id() + "/";
        jdbc.sql("update org_unit set parent_id = :p, version = version + 1 where tenant_id = :t and id = :id")
                .param("p", newParent.id()).param("t", tenantId).param("id", unit.id()).update();
        jdbc.sql("""
                update org_unit set path = :newPath || substr(path, length(:oldPath) + 1)
                where tenant_id = :t and path like :oldPrefix""")
                .param("newPath", newPath).param("oldPath", unit.path()).param("oldPrefix", unit.path() + "%")
                .param("t", tenantId).update();
    }

    void setActive(long tenantId, long id, boolean active) {
        jdbc.sql("update org_unit set active = :a, version = version + 1 where tenant_id = :t and id = :id")
                .param("a", active).param("t", tenantId).param("id", id).update();
    }

    long activeChildren(long tenantId, long id) {
        return jdbc.sql("select count(*) from org_unit where tenant_id = :t and parent_id = :id and active")
                .param("t", tenantId).param("id", id).query(Long.class).single();
    }

    long activePeople(long tenantId, long id) {
        return jdbc.sql("select count(*) from person where tenant_id = :t and unit_id = :id and active")
                .param("t", tenantId).param("id", id).query(Long.class).single();
    }
}
