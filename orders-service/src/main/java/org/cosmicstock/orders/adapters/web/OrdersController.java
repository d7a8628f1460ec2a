package org.cosmicstock.orders.adapters.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cosmicstock.messaging.bus.MessageBus;
import org.cosmicstock.messaging.bus.MessageContext;
import org.cosmicstock.messaging.config.ServiceSource;
import org.cosmicstock.orders.adapters.jdbc.JdbcOrderQueries;
import org.cosmicstock.orders.domain.Order;
import org.cosmicstock.orders.domain.OrderCommand;
import org.cosmicstock.orders.domain.OrderLine;
import org.cosmicstock.orders.service.OrdersUnitOfWork;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Places orders (202: allocation happens asynchronously) and reports where each line stands. */
@RestController
public class OrdersController {

    private final MessageBus<OrdersUnitOfWork> bus;
    private final JdbcOrderQueries queries;
    private final String source;

    public OrdersController(MessageBus<OrdersUnitOfWork> bus, JdbcOrderQueries queries, ServiceSource source) {
        this.bus = bus;
        this.queries = queries;
        this.source = source.value();
    }

    public record LineRequest(String sku, Integer qty) {}

    public record PlaceOrderRequest(String orderId, List<LineRequest> lines) {}

    @PostMapping("/orders")
    public ResponseEntity<OrderResponse> place(@RequestBody PlaceOrderRequest request) {
        String orderId = request.orderId() == null ? UUID.randomUUID().toString() : request.orderId();
        if (orderId.isBlank()) {
            throw badRequest("orderId, when given, must not be blank");
        }
        bus.handle(new OrderCommand.PlaceOrder(orderId, lines(request.lines())), MessageContext.newFlow(source));
        Order order = queries.find(orderId).orElseThrow();
        return ResponseEntity.accepted()
                .location(URI.create("/orders/" + orderId))
                .body(OrderResponse.from(order));
    }

    @GetMapping("/orders/{orderId}")
    public OrderResponse get(@PathVariable String orderId) {
        return queries.find(orderId)
                .map(OrderResponse::from)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No order " + orderId));
    }

    private static List<OrderLine> lines(List<LineRequest> requested) {
        if (requested == null || requested.isEmpty()) {
            throw badRequest("lines must hold at least one {sku, qty}");
        }
        List<OrderLine> lines = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            LineRequest line = requested.get(i);
            if (line == null || line.sku() == null || line.sku().isBlank()) {
                throw badRequest("lines[" + i + "].sku is required");
            }
            if (line.qty() == null || line.qty() <= 0) {
                throw badRequest("lines[" + i + "].qty must be a positive number of units");
            }
            if (!skus.add(line.sku())) {
                throw badRequest("lines[" + i + "] repeats sku " + line.sku() + "; give one line per sku");
            }
            lines.add(OrderLine.pending(line.sku(), line.qty()));
        }
        return lines;
    }

    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
