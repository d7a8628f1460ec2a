package org.cosmicstock.messaging.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Connections from the pool in a given commit mode. */
public final class Connections {

    private Connections() {}

    /**
     * A connection in the given commit mode; one whose mode cannot be set is closed, which hands it
     * back to the pool, instead of being kept checked out.
     */
    public static Connection open(DataSource dataSource, boolean autoCommit) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(autoCommit);
            return connection;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException notClosed) {
                e.addSuppressed(notClosed);
            }
            throw e;
        }
    }
}
