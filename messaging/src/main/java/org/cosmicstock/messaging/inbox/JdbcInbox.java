package org.cosmicstock.messaging.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Records applied messages in the caller's transaction; a second receipt of the same id is refused. */
public final class JdbcInbox {

    private static final String INSERT =
            "insert into messaging.inbox (receipt) values (?) on conflict (receipt) do nothing";

    /** True when {@code receipt} had not been recorded before (and now is, if the transaction commits). */
    public boolean firstDelivery(Connection connection, String receipt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, receipt);
            return insert.executeUpdate() == 1;
        }
    }
}
