package org.cosmicstock.messaging.config;

import java.sql.SQLException;
import java.util.List;
import org.cosmicstock.messaging.jdbc.PersistenceFailure;
import org.cosmicstock.messaging.outbox.OutboxRelay;
import org.cosmicstock.messaging.outbox.ParkedRow;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The operator's handle on rows the relay set aside: {@code GET /actuator/outbox} lists the parked
 * rows and why; {@code POST /actuator/outbox} re-queues one ({@code {"id": 42}}) or all of them (an
 * empty body), once what made them fail is fixed. Mutating, so it needs the operators' credentials.
 */
@Endpoint(id = "outbox")
public final class OutboxEndpoint {

    private static final int SHOWN = 100;

    private final OutboxRelay relay;

    OutboxEndpoint(OutboxRelay relay) {
        this.relay = relay;
    }

    public record Parked(List<ParkedRow> rows, boolean more) {}

    public record Requeued(int rows) {}

    @ReadOperation
    public Parked parked() {
        try {
            List<ParkedRow> rows = relay.parked(SHOWN + 1);
            return new Parked(rows.subList(0, Math.min(SHOWN, rows.size())), rows.size() > SHOWN);
        } catch (SQLException e) {
            throw new PersistenceFailure("Could not read the parked outbox rows", e);
        }
    }

    @WriteOperation
    public Requeued requeue(@Nullable Long id) {
        try {
            return new Requeued(relay.requeue(id));
        } catch (SQLException e) {
            throw new PersistenceFailure("Could not re-queue parked outbox rows", e);
        }
    }
}
