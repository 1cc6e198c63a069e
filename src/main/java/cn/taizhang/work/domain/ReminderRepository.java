package cn.taizhang.work.domain;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reminder table: what is due, what was sent, and each person's inbox. */
@Repository
class ReminderRepository {

    private static final String UNDER_WAY = "('ASSIGNED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'EXTENSION_REQUESTED', "
            + "'COMPLETION_REQUESTED', 'REWORK')";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ReminderRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A reminder to be created unless it exists: the occasion (item, reason, ref) and its step and person. */
    record Due(long itemId, String itemTitle, Reminder.Reason reason, long refId, int step, long personId, Light light,
               LocalDate dueOn, String stageName) {
    }

    /** A stage not reported done of an item under way, due by the given day, with what its plan needs. */
    record StageDue(long itemId, String itemTitle, int seq, String stageName, LocalDate dueOn, long personId, Light light,
                    LocalDate startDate, LocalDate deadline, int progress) {
    }

    /**
     * The stages not reported done and due by {@code dueBy}, of items under way whose deadline has not
     * passed (then DEADLINE_PASSED speaks), except each item's last stage (it ends with the deadline, which
     * the light and the deadline reminders cover). Mapped by hand: the nightly run reads many.
     */
    List<StageDue> stagesDue(long tenantId, LocalDate today, LocalDate dueBy) {
        return jdbc.sql("""
                select w.id, w.title, s.seq, s.name, s.due_on, w.responsible_person_id, w.light, w.start_date,
                       w.deadline, w.progress
                from work_stage s
                join work_item w on w.tenant_id = s.tenant_id and w.id = s.item_id
                where s.tenant_id = :t and s.due_on <= :by and w.state in %s and w.deadline >= :today
                  and s.seq < (select max(l.seq) from work_stage l where l.tenant_id = s.tenant_id and l.item_id = s.item_id)
                  and not exists (select 1 from work_stage_done d where d.tenant_id = s.tenant_id
                                  and d.item_id = s.item_id and d.seq = s.seq)
                order by w.id, s.seq""".formatted(UNDER_WAY))
                .param("t", tenantId).param("today", today).param("by", dueBy)
                .query((rs, n) -> new StageDue(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getLong(6), Light.valueOf(rs.getString(7)),
                        rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getInt(10))).list();
    }

    /**
     * Step 0 for every item under way whose light is yellow or red (the occasion is the light change;
     * an overdue red light is left to DEADLINE_PASSED), whose deadline passed, or with an unanswered
     * supervision opinion due by {@code opinionsDueBy}.
     */
    List<Due> firstReminders(long tenantId, LocalDate today, LocalDate opinionsDueBy) {
        return jdbc.sql("""
                select w.id as item_id, w.title as item_title, 'LIGHT' as reason, c.id as ref_id, 0 as step, w.responsible_person_id as person_id,
                       w.light, w.deadline as due_on, null::varchar as stage_name
                from work_item w
                join lateral (select id, reason from work_light_change c where c.tenant_id = w.tenant_id and c.item_id = w.id
                              order by c.changed_at desc, c.id desc limit 1) c on c.reason <> 'OVERDUE'
                where w.tenant_id = :t and w.state in %1$s and w.light in ('YELLOW', 'RED')
                union all
                select w.id, w.title, 'DEADLINE_PASSED', w.deadline - date '1970-01-01', 0, w.responsible_person_id, w.light, w.deadline,
                       null
                from work_item w
                where w.tenant_id = :t and w.state in %1$s and w.deadline < :today
                union all
                select w.id, w.title, case when o.deadline < :today then 'OPINION_OVERDUE' else 'OPINION_DUE' end, o.id, 0,
                       w.responsible_person_id, w.light, o.deadline, null
                from work_ledger_entry o
                join work_item w on w.tenant_id = o.tenant_id and w.id = o.item_id
                where o.tenant_id = :t and o.kind = 'OPINION' and o.deadline <= :by and w.state in %1$s
                  and not exists (select 1 from work_ledger_entry a where a.tenant_id = o.tenant_id and a.item_id = o.item_id
                                  and a.kind = 'ANSWER' and a.reply_to = o.id)""".formatted(UNDER_WAY))
                .param("t", tenantId).param("today", today).param("by", opinionsDueBy).query(Due.class).list();
    }

    /** A first reminder still without a response, with the people it escalates to. */
    record Open(long itemId, String itemTitle, Reminder.Reason reason, long refId, OffsetDateTime createdAt, Light light, LocalDate dueOn,
                long responsibleId, Long supervisingLeaderId, Long assessorId, Long leaderId, String stageName,
                LocalDate startDate, LocalDate deadline, int progress) {
    }

    /**
     * The first reminders of items still under way with no report (or, for an opinion, no answer to it)
     * since, and not yet at the last step; a light reminder stops when a newer light reminder exists.
     */
    List<Open> unanswered(long tenantId) {
        return jdbc.sql("""
                select r.item_id, w.title as item_title, r.reason, r.ref_id, r.created_at, r.light, r.due_on, w.responsible_person_id as responsible_id,
                       w.supervising_leader_id,
                       (select m.person_id from work_lead_member m where m.tenant_id = w.tenant_id and m.item_id = w.id
                        and m.supervisor_assessor limit 1) as assessor_id,
                       (select m.person_id from work_lead_member m where m.tenant_id = w.tenant_id and m.item_id = w.id
                        and m.role = 'LEADER' limit 1) as leader_id,
                       r.stage_name, w.start_date, w.deadline, w.progress
                from reminder r
                join work_item w on w.tenant_id = r.tenant_id and w.id = r.item_id
                where r.tenant_id = :t and r.step = 0 and w.state in %s
                  and not exists (select 1 from reminder l where l.tenant_id = r.tenant_id and l.item_id = r.item_id
                                  and l.reason = r.reason and l.ref_id = r.ref_id and l.step = 2)
                  and not exists (select 1 from reminder n where r.reason = 'LIGHT' and n.tenant_id = r.tenant_id
                                  and n.item_id = r.item_id and n.reason = 'LIGHT' and n.step = 0 and n.ref_id > r.ref_id)
                  and not exists (select 1 from work_ledger_entry e where e.tenant_id = r.tenant_id and e.item_id = r.item_id
                                  and e.occurred_at > r.created_at
                                  and (case when r.reason like 'OPINION%%' then e.kind = 'ANSWER' and e.reply_to = r.ref_id
                                            when r.reason like 'STAGE%%' then false
                                            else e.kind in ('REPORT', 'ANSWER') end))
                  and not exists (select 1 from work_stage_done d where r.reason like 'STAGE%%' and d.tenant_id = r.tenant_id
                                  and d.item_id = r.item_id and d.seq = r.ref_id / 1000000)
                  -- a stage moved by an extension: the chain of its old due date ends (the new date starts one)
                  and (r.reason not like 'STAGE%%' or exists (select 1 from work_stage s where s.tenant_id = r.tenant_id
                                  and s.item_id = r.item_id and s.seq = r.ref_id / 1000000 and s.due_on = r.due_on))""".formatted(UNDER_WAY))
                .param("t", tenantId).query(Open.class).list();
    }

    /** A reminder the run inserted. */
    record Created(long id, Due due) {
    }

    /** Inserts the reminders that do not exist yet (one statement), and returns those. */
    List<Created> insert(long tenantId, List<Due> due, OffsetDateTime now) {
        if (due.isEmpty()) {
            return List.of();
        }
        int n = due.size();
        Long[] items = new Long[n];
        String[] reasons = new String[n];
        Long[] refs = new Long[n];
        Integer[] steps = new Integer[n];
        Long[] people = new Long[n];
        String[] lights = new String[n];
        String[] dueOn = new String[n];
        String[] stageNames = new String[n];
        for (int i = 0; i < n; i++) {
            Due d = due.get(i);
            items[i] = d.itemId();
            reasons[i] = d.reason().name();
            refs[i] = d.refId();
            steps[i] = d.step();
            people[i] = d.personId();
            lights[i] = d.light() == null ? null : d.light().name();
            dueOn[i] = d.dueOn() == null ? null : d.dueOn().toString();
            stageNames[i] = d.stageName();
        }
        Map<String, Due> byKey = new HashMap<>();
        due.forEach(d -> byKey.put(d.itemId() + ":" + d.reason() + ":" + d.refId() + ":" + d.step(), d));
        List<Created> created = new ArrayList<>();
        template.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into reminder (tenant_id, person_id, item_id, reason, ref_id, step, light, due_on, created_at,
                                          stage_name)
                    select ?, v.person_id, v.item_id, v.reason, v.ref_id, v.step, v.light, v.due_on::date, ?, v.stage_name
                    from unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::bigint[], ?::int[], ?::varchar[], ?::varchar[],
                                ?::varchar[])
                         with ordinality as v(person_id, item_id, reason, ref_id, step, light, due_on, stage_name, ord)
                    order by v.ord
                    on conflict on constraint reminder_once do nothing
                    returning id, item_id, reason, ref_id, step""");
            ps.setLong(1, tenantId);
            ps.setObject(2, now);
            ps.setArray(3, con.createArrayOf("bigint", people));
            ps.setArray(4, con.createArrayOf("bigint", items));
            ps.setArray(5, con.createArrayOf("varchar", reasons));
            ps.setArray(6, con.createArrayOf("bigint", refs));
            ps.setArray(7, con.createArrayOf("int", steps));
            ps.setArray(8, con.createArrayOf("varchar", lights));
            ps.setArray(9, con.createArrayOf("varchar", dueOn));
            ps.setArray(10, con.createArrayOf("varchar", stageNames));
            return ps;
        }, rs -> {
            created.add(new Created(rs.getLong("id"), byKey.get(rs.getLong("item_id") + ":" + rs.getString("reason") + ":"
                    + rs.getLong("ref_id") + ":" + rs.getInt("step"))));
        });
        return created;
    }

    void sent(long tenantId, List<Long> ids, OffsetDateTime at) {
        if (!ids.isEmpty()) {
            template.update(con -> {
                PreparedStatement ps = con.prepareStatement("""
                        update reminder set sent_at = ?, send_error = null, send_attempts = send_attempts + 1
                        where tenant_id = ? and id = any(?::bigint[])""");
                ps.setObject(1, at);
                ps.setLong(2, tenantId);
                ps.setArray(3, con.createArrayOf("bigint", ids.toArray()));
                return ps;
            });
        }
    }

    void sendFailed(long tenantId, long id, String error) {
        jdbc.sql("update reminder set send_error = :e, send_attempts = send_attempts + 1 where tenant_id = :t and id = :id")
                .param("e", error.length() > 500 ? error.substring(0, 500) : error).param("t", tenantId).param("id", id)
                .update();
    }

    /**
     * Reminders the sender failed to deliver fewer than {@code attempts} times, oldest first, of items
     * still under way (a text about a closed item would only confuse).
     */
    List<Created> toResend(long tenantId, int attempts) {
        return jdbc.sql("""
                select r.id, r.item_id, w.title as item_title, r.reason, r.ref_id, r.step, r.person_id, r.light, r.due_on,
                       r.stage_name
                from reminder r join work_item w on w.tenant_id = r.tenant_id and w.id = r.item_id
                where r.tenant_id = :t and r.sent_at is null and r.send_attempts > 0 and r.send_attempts < :n
                  and w.state in %s
                order by r.id""".formatted(UNDER_WAY))
                .param("t", tenantId).param("n", attempts)
                .query((rs, i) -> new Created(rs.getLong("id"), new Due(rs.getLong("item_id"), rs.getString("item_title"),
                        Reminder.Reason.valueOf(rs.getString("reason")), rs.getLong("ref_id"), rs.getInt("step"),
                        rs.getLong("person_id"), rs.getString("light") == null ? null : Light.valueOf(rs.getString("light")),
                        rs.getObject("due_on", LocalDate.class), rs.getString("stage_name"))))
                .list();
    }

    List<Reminder> inbox(long tenantId, long personId, int limit) {
        return jdbc.sql("""
                select r.id, r.item_id, w.title as item_title, r.reason, r.step, r.light, r.due_on, r.created_at, r.read_at,
                       r.send_error, r.stage_name
                from reminder r join work_item w on w.tenant_id = r.tenant_id and w.id = r.item_id
                where r.tenant_id = :t and r.person_id = :p
                order by r.created_at desc, r.id desc limit :n""")
                .param("t", tenantId).param("p", personId).param("n", limit).query(Reminder.class).list();
    }

    int unread(long tenantId, long personId) {
        return jdbc.sql("select count(*) from reminder where tenant_id = :t and person_id = :p and read_at is null")
                .param("t", tenantId).param("p", personId).query(Integer.class).single();
    }

    /** Marks one of the person's reminders read; its item, or empty when it is not theirs (or does not exist). */
    Optional<Long> markRead(long tenantId, long personId, long id, OffsetDateTime at) {
        return jdbc.sql("""
                update reminder set read_at = coalesce(read_at, :at)
                where tenant_id = :t and person_id = :p and id = :id returning item_id""")
                .param("at", at).param("t", tenantId).param("p", personId).param("id", id)
                .query(Long.class).optional();
    }

    int markAllRead(long tenantId, long personId, OffsetDateTime at) {
        return jdbc.sql("update reminder set read_at = :at where tenant_id = :t and person_id = :p and read_at is null")
                .param("at", at).param("t", tenantId).param("p", personId).update();
    }
}
