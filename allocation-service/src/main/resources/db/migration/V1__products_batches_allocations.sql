-- The Product aggregate: one row per SKU carrying the version used for optimistic concurrency.
create table products (
    sku            text    primary key,
    version_number integer not null
);

create table batches (
    id                 bigserial primary key,
    reference          text      not null unique,
    sku                text      not null references products (sku),
    purchased_quantity integer   not null,
    eta                date
);

create index batches_sku on batches (sku);

-- An order line is allocated to at most one batch: (order_id, sku) identifies the line.
create table allocations (
    id       bigserial primary key,
    batch_id bigint    not null references batches (id),
    order_id text      not null,
    sku      text      not null,
    qty      integer   not null,
    unique (order_id, sku)
);

create index allocations_sku on allocations (sku);
