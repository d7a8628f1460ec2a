package org.cosmicstock.orders.adapters.web;

import java.net.URI;
import org.cosmicstock.domain.OrderId;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.config.MessagingConfiguration;
import org.cosmicstock.messaging.tracing.MessageTracing;
import org.cosmicstock.orders.adapters.jdbc.JdbcOrderQueries;
import org.cosmicstock.orders.domain.Command;
import org.cosmicstock.orders.domain.Order;
import org.cosmicstock.orders.service.OrdersUnitOfWork;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Places orders (202: allocation happens asynchronously) and reports where each line stands. */
@RestController
public class OrdersController {

    private final MessageBus<OrdersUnitOfWork> bus;
    private final JdbcOrderQueries queries;
    private final String source;
    private final MessageTracing tracing;

    public OrdersController(
            MessageBus<OrdersUnitOfWork> bus,
            JdbcOrderQueries queries,
            @Qualifier(MessagingConfiguration.SERVICE_SOURCE) String source,
            MessageTracing tracing) {
        this.bus = bus;
        this.queries = queries;
        this.source = source;
        this.tracing = tracing;
    }

    /**
     * The body is read as bytes and parsed strictly by {@link PlaceOrderJson}; its size is bounded
     * before this runs (64 KiB), and any content type but JSON is a 415.
     */
    @PostMapping(path = "/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<OrderResponse> place(@RequestBody byte[] body) {
        Command.PlaceOrder command = PlaceOrderJson.read(body);
        // Placing an order id that exists changes nothing (the handler skips it). Two requests placing
        // the same new id at once both find no order; the second insert loses a version conflict, which
        // the bus retries in process: it then finds the first one's order, so the loser answers like a
        // sequential retry would: 202 with the order, placed once.
        // The order's messages continue the request's trace (an incoming traceparent, or the one the
        // request's span started).
        bus.handle(command, MessageContext.newFlow(source, tracing.currentTraceparent()));
        Order order = queries.find(command.orderId().value()).orElseThrow();
        URI location = UriComponentsBuilder.fromPath("/orders/{orderId}")
                .buildAndExpand(command.orderId().value())
                .encode()
                .toUri();
        return ResponseEntity.accepted().location(location).body(OrderResponse.from(order));
    }

    @GetMapping("/orders/{orderId}")
    public ResponseEntity<?> get(@PathVariable String orderId) {
        return queries.find(OrderId.of("orderId", orderId).value())
                .<ResponseEntity<?>>map(order -> ResponseEntity.ok(OrderResponse.from(order)))
                .orElseGet(() -> {
                    ProblemDetail problem =
                            ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No order " + orderId);
                    problem.setTitle("Order not found");
                    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
                });
    }
}
