package org.cosmicstock.messaging.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;

/** PostgreSQL arrays for a statement's {@code unnest(?::text[], ...)} or {@code = any(?)}: many rows in one parameter. */
public final class SqlArrays {

    private SqlArrays() {}

    public static Array texts(Connection connection, Stream<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    public static Array ints(Connection connection, Stream<Integer> values) throws SQLException {
        return connection.createArrayOf("int4", values.toArray());
    }
}
