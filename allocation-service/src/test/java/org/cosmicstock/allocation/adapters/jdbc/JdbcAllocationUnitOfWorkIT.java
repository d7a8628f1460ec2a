package org.cosmicstock.allocation.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.cosmicstock.allocation.adapters.kafka.AvroEvents;
import org.cosmicstock.allocation.domain.OrderLine;
import org.cosmicstock.allocation.domain.Product;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.inbox.JdbcInbox;
import org.cosmicstock.messaging.jdbc.MessagingTables;
import org.cosmicstock.messaging.jdbc.StaleAggregate;
import org.cosmicstock.messaging.jdbc.TransactionalMessaging;
import org.cosmicstock.messaging.outbox.OutboxWriter;
import org.cosmicstock.messaging.testing.TestPostgres;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The book's unit-of-work tests, against a real PostgreSQL. */
class JdbcAllocationUnitOfWorkIT {

    private DataSource dataSource;
    private TransactionalMessaging messaging;
    private final AvroEvents events = new AvroEvents("allocation.events");

    @BeforeEach
    void setUp() {
        dataSource = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(dataSource).load().migrate();
        MessagingTables.migrate(dataSource);
        messaging = new TransactionalMessaging(
                new JdbcInbox(), new OutboxWriter(MessageCodec.create(), "/test", Clock.systemUTC()), () -> {});
    }

    @Test
    void canRetrieveABatchAndAllocateToIt() throws SQLException {
        insertBatch("batch1", "HIPSTER-WORKBENCH", 100);
        try (var uow = begin()) {
            Product product = uow.products().get("HIPSTER-WORKBENCH").orElseThrow();
            product.allocate(new OrderLine("o1", "HIPSTER-WORKBENCH", 10));
            uow.commit();
        }
        assertThat(allocatedBatch("o1", "HIPSTER-WORKBENCH")).isEqualTo("batch1");
        assertThat(scalar("select count(*) from messaging.outbox where message_type like '%Allocated'"))
                .isEqualTo(1);
    }

    @Test
    void rollsBackUncommittedWorkByDefault() throws SQLException {
        try (var uow = begin()) {
            uow.products().add(new Product("MEDIUM-PLINTH", 0, List.of()));
            uow.products().get("MEDIUM-PLINTH").orElseThrow().addBatch("batch1", 100, null);
        }
        assertThat(scalar("select count(*) from batches")).isZero();
        assertThat(scalar("select count(*) from messaging.outbox")).isZero();
    }

    @Test
    void rollsBackOnError() throws SQLException {
        assertThatThrownBy(() -> {
                    try (var uow = begin()) {
                        uow.firstDelivery("message-1");
                        uow.products().add(new Product("LARGE-FORK", 0, List.of()));
                        uow.products().get("LARGE-FORK").orElseThrow().addBatch("batch1", 100, null);
                        throw new IllegalStateException("boom");
                    }
                })
                .hasMessage("boom");
        assertThat(scalar("select count(*) from batches")).isZero();
        assertThat(scalar("select count(*) from messaging.inbox")).isZero();
    }

    @Test
    void aMessageIsAppliedOnce() {
        try (var uow = begin()) {
            assertThat(uow.firstDelivery("message-1")).isTrue();
            uow.commit();
        }
        try (var uow = begin()) {
            assertThat(uow.firstDelivery("message-1")).isFalse();
        }
    }

    @Test
    void concurrentUpdatesToVersionAreNotAllowed() throws Exception {
        insertBatch("batch1", "SKU", 100);
        CountDownLatch bothLoaded = new CountDownLatch(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<?>> results = new ArrayList<>();
        for (String order : List.of("order1", "order2")) {
            results.add(threads.submit(() -> {
                try (var uow = begin()) {
                    Product product = uow.products().get("SKU").orElseThrow();
                    bothLoaded.countDown();
                    bothLoaded.await();
                    product.allocate(new OrderLine(order, "SKU", 10));
                    uow.commit();
                }
                return null;
            }));
        }
        int failures = 0;
        for (Future<?> result : results) {
            try {
                result.get();
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(StaleAggregate.class);
                failures++;
            }
        }
        threads.shutdown();
        assertThat(failures).isEqualTo(1);
        assertThat(scalar("select version_number from products where sku = 'SKU'"))
                .isEqualTo(2);
        assertThat(scalar("select count(*) from allocations")).isEqualTo(1);
    }

    @Test
    void manyConcurrentAllocationsNeverOverAllocateASmallBatch() throws Exception {
        insertBatch("small", "LAMP", 10);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String order = "order-" + i;
            results.add(threads.submit(() -> allocateRetrying(order)));
        }
        for (Future<?> result : results) {
            result.get();
        }
        threads.shutdown();
        assertThat(scalar("select coalesce(sum(qty), 0) from allocations where sku = 'LAMP'"))
                .isEqualTo(10);
        assertThat(scalar("select count(*) from messaging.outbox where message_type like '%.Allocated'"))
                .isEqualTo(5);
        assertThat(scalar("select count(*) from messaging.outbox where message_type like '%.OutOfStock'"))
                .isEqualTo(35);
    }

    private void allocateRetrying(String order) {
        while (true) {
            try (var uow = begin()) {
                uow.products().get("LAMP").orElseThrow().allocate(new OrderLine(order, "LAMP", 2));
                uow.commit();
                return;
            } catch (StaleAggregate conflict) {
                Thread.onSpinWait();
            }
        }
    }

    private JdbcAllocationUnitOfWork begin() {
        return new JdbcAllocationUnitOfWork(dataSource, MessageContext.newFlow(), messaging, events::toOutgoing);
    }

    private void insertBatch(String ref, String sku, int qty) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("insert into products (sku, version_number) values ('" + sku + "', 1)");
            statement.execute("insert into batches (reference, sku, purchased_quantity, eta) values ('" + ref + "', '"
                    + sku + "', " + qty + ", null)");
        }
    }

    private String allocatedBatch(String orderId, String sku) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var select = connection.prepareStatement(
                        "select b.reference from allocations a join batches b on b.id = a.batch_id"
                                + " where a.order_id = ? and a.sku = ?")) {
            select.setString(1, orderId);
            select.setString(2, sku);
            try (var result = select.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    private long scalar(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
