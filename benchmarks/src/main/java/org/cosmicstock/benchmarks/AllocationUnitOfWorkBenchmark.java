package org.cosmicstock.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.cosmicstock.allocation.adapters.jdbc.JdbcAllocationUnitOfWork;
import org.cosmicstock.allocation.adapters.kafka.AvroEvents;
import org.cosmicstock.allocation.domain.Command;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.inbox.JdbcInbox;
import org.cosmicstock.messaging.jdbc.MessagingTables;
import org.cosmicstock.messaging.jdbc.TransactionalMessaging;
import org.cosmicstock.messaging.outbox.OutboxWriter;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a batch of Allocate commands costs in allocation-service's unit of work on a real, durable
 * PostgreSQL (fsync and synchronous_commit on): receipts, one preload, the allocations, the version
 * checks, the outbox rows, one commit. {@code linesPerSku} lines are already allocated on each of
 * the 100 SKUs; the cost per command must not grow with them. Divide the time per operation by
 * {@code commands} for the cost per command. The stored lines are reset before every iteration
 * (an iteration adds about 10 lines per SKU).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AllocationUnitOfWorkBenchmark {

    private static final int SKUS = 100;

    @Param({"10", "1000"})
    int linesPerSku;

    @Param({"1", "100"})
    int commands;

    private EmbeddedPostgres postgres;
    private DataSource dataSource;
    private TransactionalMessaging messaging;
    private final AvroEvents events = new AvroEvents("allocation.events");
    private long next;

    @Setup(Level.Trial)
    public void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        // Pooled, as in the services (Hikari): the embedded database's own DataSource opens a new
        // connection, a new PostgreSQL backend, on every call, which costs more than the work itself.
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(postgres.getPostgresDatabase());
        pool.setMaximumPoolSize(2);
        dataSource = new HikariDataSource(pool);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        MessagingTables.migrate(dataSource);
        messaging = new TransactionalMessaging(
                new JdbcInbox(), new OutboxWriter(MessageCodec.create(), "/benchmark", Clock.systemUTC()), () -> {});
    }

    @Setup(Level.Iteration)
    public void storeLines() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("truncate allocations, batches, products, messaging.outbox, messaging.inbox");
            sql.execute("insert into products (sku, version_number) select 'SKU-' || s, 1 from generate_series(1, "
                    + SKUS + ") s");
            sql.execute("insert into batches (reference, sku, purchased_quantity, allocated_quantity, eta)"
                    + " select 'batch-' || s, 'SKU-' || s, 100000000, " + linesPerSku + ", null"
                    + " from generate_series(1, " + SKUS + ") s");
            sql.execute("insert into allocations (batch_id, order_id, sku, qty)"
                    + " select b.id, 'stored-' || l, b.sku, 1 from batches b, generate_series(1, " + linesPerSku
                    + ") l");
            sql.execute("analyze");
        }
    }

    @Benchmark
    public void allocateABatch() {
        List<Object> batch = new ArrayList<>(commands);
        for (int i = 0; i < commands; i++) {
            long n = next++;
            batch.add(new Command.Allocate("order-" + n, "SKU-" + (n % SKUS + 1), 1));
        }
        try (var uow = new JdbcAllocationUnitOfWork(dataSource, messaging, events::toOutgoing)) {
            uow.prepare(batch);
            for (Object command : batch) {
                Command.Allocate a = (Command.Allocate) command;
                uow.products().get(a.sku().value()).orElseThrow().allocate(a.line());
                uow.collectEvents(MessageContext.newFlow("/benchmark"));
            }
            uow.commit();
        }
    }

    @TearDown(Level.Trial)
    public void stopPostgres() throws IOException {
        ((HikariDataSource) dataSource).close();
        postgres.close();
    }
}
