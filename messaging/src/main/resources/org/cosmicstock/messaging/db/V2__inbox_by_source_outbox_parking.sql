-- The inbox keyed by (source, message id, handler): CloudEvents makes only ce_source and ce_id unique
-- together, so two producers that number their messages alike no longer collide. Receipts written
-- before this version had no source: they keep an empty one.
alter table messaging.inbox rename to inbox_v1;

create table messaging.inbox (
    source      text        not null,
    message_id  text        not null,
    handler     text        not null,
    received_at timestamptz not null default now(),
    primary key (source, message_id, handler)
);

insert into messaging.inbox (source, message_id, handler, received_at)
select '', split_part(receipt, '#', 1), coalesce(substring(receipt from position('#' in receipt) + 1), ''), received_at
  from messaging.inbox_v1
 where position('#' in receipt) > 0
union all
select '', receipt, '', received_at from messaging.inbox_v1 where position('#' in receipt) = 0;

drop table messaging.inbox_v1;

-- Receipts are pruned by age.
create index inbox_received_at on messaging.inbox (received_at);

-- A row the relay could not send is retried; one that keeps failing for a reason of its own (not
-- the broker being away) is parked after a number of attempts, so it stops blocking the others,
-- and later rows of the same key wait behind it, which keeps per-key order.
alter table messaging.outbox add column attempts   integer not null default 0;
alter table messaging.outbox add column last_error text;
alter table messaging.outbox add column parked_at  timestamptz;

create index outbox_parked on messaging.outbox (topic, message_key, id)
    where parked_at is not null and published_at is null;
