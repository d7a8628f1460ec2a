-- The transactional outbox: events are written here in the same transaction as the change that
-- raised them, and published to Kafka by the relay after the commit.
create table messaging.outbox (
    id             bigserial   primary key,
    message_id     uuid        not null unique,
    topic          text        not null,
    message_key    text        not null,
    message_type   text        not null,
    payload        bytea       not null,
    source         text        not null,
    correlation_id text        not null,
    causation_id   text,
    traceparent    text        not null,
    created_at     timestamptz not null,
    published_at   timestamptz
);

-- The relay only ever looks at unpublished rows, in id order.
create index outbox_unpublished on messaging.outbox (id) where published_at is null;
create index outbox_published_at on messaging.outbox (published_at) where published_at is not null;

-- The inbox: one row per message (or per event and handler) applied, written in the same
-- transaction as the change, so a redelivered message is recognised and changes nothing.
create table messaging.inbox (
    receipt     text        primary key,
    received_at timestamptz not null default now()
);
