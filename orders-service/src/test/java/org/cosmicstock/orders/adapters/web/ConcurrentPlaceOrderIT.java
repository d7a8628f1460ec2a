package org.cosmicstock.orders.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same POST /orders sent by many clients at once (a client retrying on a timeout, a load
 * balancer replaying) answers each of them like a sequential retry: 202 with the order, which is
 * placed once and sends one Allocate per line.
 */
class ConcurrentPlaceOrderIT extends RunningOrdersService {

    private static final int CLIENTS = 12;
    private static final int ROUNDS = 5;

    @Autowired
    DataSource dataSource;

    @Test
    void concurrentIdenticalPostsPlaceTheOrderOnce() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String orderId = "race-" + UUID.randomUUID();
                String lamp = "LAMP-" + UUID.randomUUID();
                String sofa = "SOFA-" + UUID.randomUUID();
                String body = "{\"orderId\":\"" + orderId + "\",\"lines\":[{\"sku\":\"" + lamp + "\",\"qty\":2},"
                        + "{\"sku\":\"" + sofa + "\",\"qty\":1}]}";

                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    answers.add(clients.submit(() -> {
                        start.await();
                        return postJson(body);
                    }));
                }
                start.countDown();

                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> response = answer.get();
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                    assertThat(response.body()).contains("\"orderId\":\"" + orderId + "\"");
                }
                JdbcClient jdbc = JdbcClient.create(dataSource);
                assertThat(count(jdbc, "select count(*) from orders where order_id = ?", orderId))
                        .isEqualTo(1);
                assertThat(count(jdbc, "select count(*) from order_lines where order_id = ?", orderId))
                        .isEqualTo(2);
                assertThat(count(jdbc, "select count(*) from messaging.outbox where message_key in (?, ?)", lamp, sofa))
                        .as("one Allocate per line, not one per request")
                        .isEqualTo(2);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static long count(JdbcClient jdbc, String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
