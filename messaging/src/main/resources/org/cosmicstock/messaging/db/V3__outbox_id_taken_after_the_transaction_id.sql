-- A row's id is taken after its transaction's id (ReadFloor, ADR 3). The relay passes an id it did
-- not read only once no transaction older than a mark it took is still running; that proves the id
-- settled only if the transaction that took it already had its own id when it did. A transaction
-- gets one at its first write, and an insert takes the row's id (this default) just before it
-- writes: so the default asks for the transaction id first. CASE evaluates its condition first
-- and nothing else (both functions are volatile, so neither is folded at plan time).
alter table messaging.outbox
    alter column id set default (
        case when pg_current_xact_id() is not null then nextval('messaging.outbox_id_seq'::regclass) end);
