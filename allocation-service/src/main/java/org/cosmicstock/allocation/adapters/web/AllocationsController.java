package org.cosmicstock.allocation.adapters.web;

import java.util.List;
import org.cosmicstock.domain.OrderId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The book's allocations view: which batch each line of an order is allocated to, read straight from SQL. */
@RestController
public class AllocationsController {

    private final JdbcClient jdbc;

    public AllocationsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record AllocationView(String sku, String batchRef) {}

    /** An order id outside the contract's limits is a 400 naming it, before it reaches the database. */
    @GetMapping("/allocations/{orderId}")
    public ResponseEntity<?> allocations(@PathVariable String orderId) {
        OrderId id = OrderId.of("orderId", orderId);
        List<AllocationView> allocations = jdbc.sql("""
                        select a.sku, b.reference from allocations a join batches b on b.id = a.batch_id
                         where a.order_id = ? order by a.sku
                        """)
                .param(id.value())
                .query((rs, i) -> new AllocationView(rs.getString(1), rs.getString(2)))
                .list();
        if (allocations.isEmpty()) {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No allocations for order " + orderId);
            problem.setTitle("Order not allocated");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        }
        return ResponseEntity.ok(allocations);
    }
}
