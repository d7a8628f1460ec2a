package org.cosmicstock.allocation.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.cosmicstock.allocation.adapters.kafka.AvroEvents;
import org.cosmicstock.allocation.domain.OrderLine;
import org.cosmicstock.allocation.domain.Products;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.inbox.JdbcInbox;
import org.cosmicstock.messaging.jdbc.MessagingTables;
import org.cosmicstock.messaging.jdbc.TransactionalMessaging;
import org.cosmicstock.messaging.outbox.OutboxWriter;
import org.cosmicstock.messaging.testing.TestPostgres;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What saving a unit of work costs in statements sent to PostgreSQL (each executed statement or JDBC
 * batch counts one; the inbox's and outbox's, the same on every path, are left out), for each kind of
 * change. The one save path must not cost more than the two it replaced, which sent: allocate 1, a new
 * product's batch 2, a stored product's new batch 2, a shrinking batch giving up stored lines 3, the
 * same with a line allocated again elsewhere 4 (counted here, their empty JDBC batches, which the
 * driver does not send, made that 1, 3, 3, 4, 5).
 */
class SaveStatementsIT {

    private DataSource dataSource;
    private TransactionalMessaging messaging;
    private final AtomicInteger executed = new AtomicInteger();

    @BeforeEach
    void setUp() throws SQLException {
        DataSource database = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(database).load().migrate();
        MessagingTables.migrate(database);
        dataSource = counting(database);
        messaging = new TransactionalMessaging(
                new JdbcInbox(), new OutboxWriter(MessageCodec.create(), "/test", Clock.systemUTC()), () -> {});
        inUnitOfWork(products -> {
            var product = products.add("TABLE");
            product.addBatch("first", 10, null);
            product.addBatch("second", 10, LocalDate.of(2030, 1, 1));
            product.allocate(new OrderLine("order-1", "TABLE", 4));
            product.allocate(new OrderLine("order-2", "TABLE", 4));
        });
    }

    @Test
    void allocatingIsOneStatement() {
        assertThat(inUnitOfWork(
                        products -> products.get("TABLE").orElseThrow().allocate(new OrderLine("order-3", "TABLE", 1))))
                .isEqualTo(1);
    }

    @Test
    void aNewProductsBatchIsTwo() {
        assertThat(inUnitOfWork(products -> products.add("CHAIR").addBatch("chairs", 10, null)))
                .isEqualTo(2);
    }

    @Test
    void aStoredProductsNewBatchIsTwo() {
        assertThat(inUnitOfWork(products -> products.get("TABLE").orElseThrow().addBatch("third", 10, null)))
                .isEqualTo(2);
    }

    @Test
    void aBatchGivingUpStoredLinesIsOne() {
        assertThat(inUnitOfWork(products -> products.get("TABLE").orElseThrow().changeBatchQuantity("first", 0)))
                .isEqualTo(1);
    }

    @Test
    void aStoredLineGivenUpAndAllocatedAgainElsewhereIsOne() {
        assertThat(inUnitOfWork(products -> {
                    var product = products.get("TABLE").orElseThrow();
                    product.changeBatchQuantity("first", 4);
                    product.allocate(new OrderLine("order-2", "TABLE", 4));
                }))
                .isEqualTo(1);
    }

    /** The statements the unit of work's commit sent, apart from the inbox's and outbox's, which every path shares. */
    private int inUnitOfWork(Consumer<Products> change) {
        try (var uow =
                new JdbcAllocationUnitOfWork(dataSource, messaging, new AvroEvents("allocation.events")::toOutgoing)) {
            change.accept(uow.products());
            uow.collectEvents(MessageContext.newFlow("/test"));
            int before = executed.get();
            uow.commit();
            return executed.get() - before;
        }
    }

    private DataSource counting(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection c ? countingConnection(c) : result;
                });
    }

    private Connection countingConnection(Connection target) {
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof Statement s) {
                        String prepared = args != null && args.length > 0 && args[0] instanceof String sql ? sql : "";
                        return Proxy.newProxyInstance(
                                getClass().getClassLoader(), new Class<?>[] {method.getReturnType()}, (p, m, a) -> {
                                    String sql = a != null && a.length > 0 && a[0] instanceof String q ? q : prepared;
                                    if (m.getName().startsWith("execute") && !sql.contains("messaging.")) {
                                        executed.incrementAndGet();
                                    }
                                    return invoke(s, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
