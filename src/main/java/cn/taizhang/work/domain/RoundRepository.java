package cn.taizhang.work.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the supervision group's monthly round. Every query names the tenant. */
@Repository
class RoundRepository {

    private final JdbcClient jdbc;

    RoundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Items under way that are red or yellow, overdue, or turned red or yellow in the window; red first. */
    List<SupervisionRound.LaggingItem> lagging(long tenantId, LocalDate today, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                select w.id, w.title, w.category_name, w.state, w.light, u.name as lead_unit_name,
                       p.name as responsible_name, w.deadline, w.progress, w.deadline < :today as overdue,
                       lc.reason, lc.days_left, lc.planned, lc.progress as light_progress, lc.behind,
                       (select count(*) from work_ledger_entry o
                        where o.tenant_id = w.tenant_id and o.item_id = w.id and o.kind = 'OPINION'
                          and not exists (select 1 from work_ledger_entry a where a.tenant_id = o.tenant_id
                                          and a.item_id = o.item_id and a.kind = 'ANSWER' and a.reply_to = o.id)) as open_opinions
                from work_item w
                join org_unit u on u.tenant_id = w.tenant_id and u.id = w.lead_unit_id
                join person p on p.tenant_id = w.tenant_id and p.id = w.responsible_person_id
                left join lateral (select c.reason, c.days_left, c.planned, c.progress, c.behind from work_light_change c
                                   where c.tenant_id = w.tenant_id and c.item_id = w.id
                                   order by c.changed_at desc, c.id desc limit 1) lc on true
                where w.tenant_id = :t
                  and w.state in ('ASSIGNED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'EXTENSION_REQUESTED',
                                  'COMPLETION_REQUESTED', 'REWORK')
                  and (w.light in ('RED', 'YELLOW') or w.deadline < :today
                       or exists (select 1 from work_light_change c where c.tenant_id = w.tenant_id and c.item_id = w.id
                                  and c.to_light in ('RED', 'YELLOW') and c.changed_at >= :from and c.changed_at < :to))
                order by case w.light when 'RED' then 0 when 'YELLOW' then 1 else 2 end, w.deadline, w.id
                limit 500""")
                .param("t", tenantId).param("today", today).param("from", from).param("to", to)
                .query((rs, n) -> new SupervisionRound.LaggingItem(rs.getLong("id"), rs.getString("title"),
                        rs.getString("category_name"), WorkState.valueOf(rs.getString("state")),
                        Light.valueOf(rs.getString("light")), rs.getString("lead_unit_name"),
                        rs.getString("responsible_name"), rs.getObject("deadline", LocalDate.class),
                        rs.getInt("progress"), rs.getBoolean("overdue"),
                        rs.getString("reason") == null ? null : LightPolicy.Reason.valueOf(rs.getString("reason")),
                        (Integer) rs.getObject("days_left"), (Integer) rs.getObject("planned"),
                        (Integer) rs.getObject("light_progress"), (Integer) rs.getObject("behind"),
                        rs.getInt("open_opinions")))
                .list();
    }

    /** The opinions issued in the window, with their first answer and the item's close-out after them. */
    List<SupervisionRound.Opinion> opinions(long tenantId, LocalDate today, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                select o.id, o.item_id, w.title, w.state, o.occurred_at, o.actor_name, o.measures, o.deadline, o.body,
                       a.occurred_at as answered_at, a.actor_name as answered_by, a.body as answer,
                       (select count(*) from work_attachment f where f.tenant_id = o.tenant_id and f.ledger_entry_id = a.id) as answer_files,
                       c.occurred_at as closed_at, c.body as evidence,
                       (select count(*) from work_attachment f where f.tenant_id = o.tenant_id and f.ledger_entry_id = c.id) as close_files
                from work_ledger_entry o
                join work_item w on w.tenant_id = o.tenant_id and w.id = o.item_id
                left join lateral (select x.id, x.occurred_at, x.actor_name, x.body from work_ledger_entry x
                                   where x.tenant_id = o.tenant_id and x.item_id = o.item_id and x.kind = 'ANSWER'
                                     and x.reply_to = o.id order by x.occurred_at, x.id limit 1) a on true
                left join lateral (select x.id, x.occurred_at, x.body from work_ledger_entry x
                                   where x.tenant_id = o.tenant_id and x.item_id = o.item_id and x.kind = 'CLOSED_OUT'
                                     and x.occurred_at >= o.occurred_at order by x.occurred_at desc, x.id desc limit 1) c on true
                where o.tenant_id = :t and o.kind = 'OPINION' and o.occurred_at >= :from and o.occurred_at < :to
                order by o.occurred_at, o.id""")
                .param("t", tenantId).param("from", from).param("to", to)
                .query((rs, n) -> {
                    OffsetDateTime answered = rs.getObject("answered_at", OffsetDateTime.class);
                    OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
                    LocalDate until = rs.getObject("deadline", LocalDate.class);
                    SupervisionRound.OpinionState state = closed != null ? SupervisionRound.OpinionState.CLOSED_OUT
                            : answered != null ? SupervisionRound.OpinionState.ANSWERED
                            : until != null && until.isBefore(today) ? SupervisionRound.OpinionState.OVERDUE
                            : SupervisionRound.OpinionState.OPEN;
                    return new SupervisionRound.Opinion(rs.getLong("id"), rs.getLong("item_id"), rs.getString("title"),
                            WorkState.valueOf(rs.getString("state")), rs.getObject("occurred_at", OffsetDateTime.class),
                            rs.getString("actor_name"), rs.getString("measures"), until, rs.getString("body"), answered,
                            rs.getString("answered_by"), rs.getString("answer"), rs.getInt("answer_files"), closed,
                            rs.getString("evidence"), rs.getInt("close_files"), state);
                })
                .list();
    }
}
