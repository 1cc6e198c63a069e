package cn.taizhang.board.internal;

import cn.taizhang.board.BoardEntry;
import cn.taizhang.method.MethodDefinition.Board;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.UnitKind;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The village window (村级榜示窗, BOARD-4; seed 000: 在镇、村两级设立榜示窗) an entry is posted at:
 * the village or community its subject belongs to — the person's unit or the unit named, or the
 * nearest village or community above it — when the board is posted at village level (its
 * {@code levels} list 村). Resolved when the entry is handed over, and kept with it.
 */
@Component
public class VillageWindows {

    /** How a method names the village level in a board's {@code levels}. */
    private static final List<String> VILLAGE_LEVEL = List.of("村", "VILLAGE", "village");

    private final Organisation organisation;

    VillageWindows(Organisation organisation) {
        this.organisation = organisation;
    }

    public static boolean postedInVillages(Board board) {
        return board.levels() != null && board.levels().stream().anyMatch(VILLAGE_LEVEL::contains);
    }

    /** The villages and communities of the tenant, in the order of the tree: their windows. */
    public List<OrgUnit> villages(long tenantId) {
        return organisation.tree(DataScope.wholeTenant(tenantId), tenantId, false).stream()
                .filter(u -> u.kind() == UnitKind.VILLAGE || u.kind() == UnitKind.COMMUNITY).toList();
    }

    /** For one hand-over: which window each entry goes to (null: the township's only). */
    Function<BoardEntry, Long> resolver(long tenantId, Board board) {
        if (!postedInVillages(board)) {
            return e -> null;
        }
        Map<Long, OrgUnit> units = organisation.tree(DataScope.wholeTenant(tenantId), tenantId, true).stream()
                .collect(Collectors.toMap(OrgUnit::id, u -> u));
        return e -> {
            Long unitId = e.personId() != null
                    ? organisation.findPersonInTenant(tenantId, e.personId()).map(p -> p.unitId()).orElse(null)
                    : e.unitId();
            OrgUnit unit = unitId == null ? null : units.get(unitId);
            if (unit == null) {
                return null;
            }
            // the path lists the unit's ancestors and the unit itself: the nearest village wins
            String[] ids = unit.path().split("/");
            for (int i = ids.length - 1; i >= 0; i--) {
                OrgUnit u = ids[i].isEmpty() ? null : units.get(Long.parseLong(ids[i]));
                if (u != null && (u.kind() == UnitKind.VILLAGE || u.kind() == UnitKind.COMMUNITY)) {
                    return u.id();
                }
            }
            return null;
        };
    }
}
