package org.cosmicstock.messaging.jdbc;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates or upgrades the outbox and inbox tables. They live in a schema of their own, {@code
 * messaging}, with their own migration history, so they never clash with a service's migrations.
 */
public final class MessagingTables {

    private MessagingTables() {}

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:org/cosmicstock/messaging/db")
                .schemas("messaging")
                .createSchemas(true)
                .load()
                .migrate();
    }
}
