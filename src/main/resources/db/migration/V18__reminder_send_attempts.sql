-- A reminder the external sender (SMS, government messaging) failed to deliver is tried again at the
-- next runs, three attempts in all; the inbox message exists either way. Rows from before count as
-- sent once, or as failed for good: a text about a months-old reminder is no use to anyone.
alter table reminder add column send_attempts int not null default 0;
update reminder set send_attempts = case when sent_at is not null then 1 else 3 end
where sent_at is not null or send_error is not null;
create index reminder_to_resend on reminder (tenant_id, id) where sent_at is null and send_attempts > 0;
