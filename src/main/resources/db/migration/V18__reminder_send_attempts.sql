-- A reminder the external sender (SMS, government messaging) failed to deliver is tried again at the
-- next run, up to three attempts in all; the inbox message exists either way. Earlier rows count as
-- tried once when they were sent or failed.
alter table reminder add column send_attempts int not null default 0;
update reminder set send_attempts = 1 where sent_at is not null or send_error is not null;
create index reminder_to_resend on reminder (tenant_id, id) where sent_at is null and send_attempts > 0;
