-- The Order aggregate; version is used for optimistic concurrency.
create table orders (
    order_id   text        primary key,
    version    integer     not null,
    created_at timestamptz not null default now()
);

-- One line per SKU of an order, with where its allocation stands.
create table order_lines (
    order_id  text    not null references orders (order_id),
    sku       text    not null,
    qty       integer not null,
    status    text    not null,
    batch_ref text,
    primary key (order_id, sku)
);
