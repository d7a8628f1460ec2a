package org.cosmicstock.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.jdbc.MessagingTables;
import org.cosmicstock.messaging.testing.TestPostgres;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.events.BatchQuantityChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay's read against a real PostgreSQL: what it costs when the broker has been away for a while. */
class OutboxStoreIT {

    private static final int BACKLOG = 3_000;
    private static final int BATCH = 500;

    private final OutboxWriter writer = new OutboxWriter(MessageCodec.create(), "/test", Clock.systemUTC());
    private final OutboxStore store = new OutboxStore();
    private DataSource dataSource;

    @BeforeEach
    void setUp() throws Exception {
        dataSource = TestPostgres.freshDatabase();
        MessagingTables.migrate(dataSource);
    }

    /**
     * A backlog (rows written while the broker was away, or faster than it takes them) is read a batch
     * at a time; each read must look at the backlog about once, not once per row it returns. Counted
     * in index entries PostgreSQL reads for this transaction (pg_stat_xact_user_tables), which is the
     * work, not a timing: the correlated "not exists" of 2d9828b read 1.5 million entries here.
     */
    @Test
    void readingABatchOutOfALongBacklogReadsTheBacklogAboutOnce() throws SQLException {
        // The statistics PostgreSQL plans with, as autovacuum leaves them in a steady state: every row
        // sent. Then the broker goes away and a backlog builds up before the next analyze.
        write(BACKLOG);
        execute("update messaging.outbox set published_at = now()");
        execute("analyze messaging.outbox");
        write(BACKLOG);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long before = indexEntriesRead(connection);
            List<OutboxRow> rows =
                    store.lockAndReadNextRows(connection, 0, BATCH, false).rows();
            long read = indexEntriesRead(connection) - before;
            connection.rollback();

            assertThat(rows).hasSize(BATCH);
            assertThat(read).as("index entries read for one batch").isLessThan(3L * BACKLOG);
        }
    }

    @Test
    void aParkedRowStillHoldsBackTheLaterRowsOfItsKeyOnly() throws SQLException {
        write(10);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement park = connection.prepareStatement(
                    "update messaging.outbox set parked_at = now() where id = (select min(id) from messaging.outbox where message_key = 'SKU-3')")) {
                park.executeUpdate();
            }
            List<OutboxRow> rows =
                    store.lockAndReadNextRows(connection, 0, BATCH, false).rows();
            connection.rollback();

            assertThat(rows).extracting(OutboxRow::key).doesNotContain("SKU-3").contains("SKU-0", "SKU-4");
            assertThat(rows).hasSize(8);
        }
    }

    /**
     * The relay's round only records what was sent: its commit does not wait for the disk (a lost mark
     * means the rows are sent again, as duplicates the inbox drops), and the setting ends with the
     * transaction, so the pooled connection's next user commits durably again.
     */
    @Test
    void theRoundsCommitIsNotWaitedForAndTheConnectionCommitsDurablyAfterIt() throws SQLException {
        write(1);
        try (Connection connection = dataSource.getConnection()) {
            // Durable, as a deployment's PostgreSQL is (the test server is not, for speed).
            try (PreparedStatement durable = connection.prepareStatement("set synchronous_commit = on")) {
                durable.execute();
            }
            connection.setAutoCommit(false);
            store.lockAndReadNextRows(connection, 0, BATCH, false).rows();
            assertThat(setting(connection)).isEqualTo("off");
            connection.commit();
            assertThat(setting(connection)).isEqualTo("on");
        }
    }

    /**
     * What the relay's floor rests on: a mark taken while a writer's transaction runs does not settle
     * until that transaction ended, and every id handed out before the mark is then visible to the read
     * (if it committed).
     */
    @Test
    void aMarkSettlesOnlyOnceEveryTransactionThatTookAnIdBeforeItEnded() throws SQLException {
        write(1);
        try (Connection writing = dataSource.getConnection();
                Connection relay = dataSource.getConnection()) {
            writing.setAutoCommit(false);
            relay.setAutoCommit(false);
            append(writing, "SKU-LATE");
            long lateId = maxId(writing);

            RelayOutbox.Read marked = store.lockAndReadNextRows(relay, 0, BATCH, true);
            relay.commit();
            assertThat(marked.lastIdTaken()).isGreaterThanOrEqualTo(lateId);
            assertThat(marked.mark()).isPositive();
            assertThat(marked.rows()).extracting(OutboxRow::id).doesNotContain(lateId);

            RelayOutbox.Read whileRunning = store.lockAndReadNextRows(relay, 0, BATCH, false);
            relay.commit();
            assertThat(whileRunning.mark()).as("not asked for").isEqualTo(-1);
            assertThat(whileRunning.oldestRunning())
                    .as("the writer still runs: the mark has not settled")
                    .isLessThan(marked.mark());

            writing.commit();
            RelayOutbox.Read after = store.lockAndReadNextRows(relay, 0, BATCH, false);
            relay.commit();
            assertThat(after.oldestRunning()).isGreaterThanOrEqualTo(marked.mark());
            assertThat(after.rows()).extracting(OutboxRow::id).contains(lateId);
        }
    }

    /**
     * The id column's default takes the writer's transaction id before the row's id (V3), whatever the
     * transaction wrote before: checked by a trigger that runs after the default, before the row is
     * stored. Without V3 a transaction whose first write is the outbox row gets its id only when the
     * row is stored, after the row's id, and a mark could settle while it still runs.
     */
    @Test
    void aRowsIdIsTakenAfterItsTransactionHasAnId() throws SQLException {
        execute("""
                create function messaging.check_transaction_id() returns trigger language plpgsql as $$
                begin
                  if pg_current_xact_id_if_assigned() is null then
                    raise exception 'row % took its id before its transaction had one', new.id;
                  end if;
                  return new;
                end $$""");
        execute("create trigger check_transaction_id before insert on messaging.outbox"
                + " for each row execute function messaging.check_transaction_id()");
        for (int i = 0; i < 5; i++) {
            write(1);
        }
        assertThat(count()).isEqualTo(5);
    }

    private void append(Connection connection, String key) throws SQLException {
        writer.append(
                connection,
                List.of(new OutboxWriter.Caused(
                        new OutgoingMessage("t", key, new BatchQuantityChanged("b", key, 1)),
                        MessageContext.newFlow("/test-client"))));
    }

    private static long maxId(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select max(id) from messaging.outbox");
                ResultSet r = select.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private long count() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select count(*) from messaging.outbox");
                ResultSet r = select.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String setting(Connection connection) throws SQLException {
        try (PreparedStatement show = connection.prepareStatement("show synchronous_commit");
                ResultSet r = show.executeQuery()) {
            r.next();
            return r.getString(1);
        }
    }

    private void write(int count) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            writer.append(
                    connection,
                    IntStream.range(0, count)
                            .mapToObj(i -> new OutboxWriter.Caused(
                                    new OutgoingMessage(
                                            "t",
                                            "SKU-" + (i % 5),
                                            new BatchQuantityChanged("b-" + i, "SKU-" + (i % 5), i)),
                                    MessageContext.newFlow("/test-client")))
                            .toList());
            connection.commit();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private static long indexEntriesRead(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                        "select coalesce(sum(idx_tup_fetch), 0) + coalesce(sum(seq_tup_read), 0) from pg_stat_xact_user_tables where schemaname = 'messaging' and relname = 'outbox'");
                ResultSet r = select.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
