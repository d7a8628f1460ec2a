package org.cosmicstock.stockview.bootstrap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = "org.cosmicstock.stockview")
public class StockViewServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(StockViewServiceApplication.class, args);
    }
}
