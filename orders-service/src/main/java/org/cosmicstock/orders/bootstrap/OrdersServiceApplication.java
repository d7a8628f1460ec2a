package org.cosmicstock.orders.bootstrap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = "org.cosmicstock.orders")
public class OrdersServiceApplication {

    public static void main(String[] args) {
        // Avro refuses to build generated classes from packages it is not told to trust.
        System.setProperty(
                "org.apache.avro.SERIALIZABLE_PACKAGES",
                System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "org.cosmicstock.schemas"));
        SpringApplication.run(OrdersServiceApplication.class, args);
    }
}
