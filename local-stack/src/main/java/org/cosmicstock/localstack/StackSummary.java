package org.cosmicstock.localstack;

import java.nio.file.Path;

/** The table printed once everything is up: where each part listens and where it logs. */
final class StackSummary {
    private static final String ROW = "  %-20s %-50s %s%n";

    private StackSummary() {}

    static String render(LocalStack stack) {
        StackConfig config = stack.config();
        StringBuilder text = new StringBuilder();
        text.append(String.format("%nThe local stack is up. Data and logs: %s%n%n", config.dataDir()));
        text.append(String.format(ROW, "", "address", "log"));
        text.append(String.format(
                ROW,
                "Kafka bootstrap",
                stack.kafka().bootstrapServers(),
                relative(config, stack.kafka().logFile())));
        Postgres postgres = stack.postgres();
        String label = "PostgreSQL";
        String postgresLog = relative(config, postgres.logFile());
        for (String database : config.databases()) {
            text.append(String.format(ROW, label, postgres.jdbcUrl(database), postgresLog));
            label = "";
            postgresLog = "";
        }
        text.append(String.format(ROW, "", "user " + Postgres.USER + ", no password", ""));
        for (ServiceProcess service : stack.services()) {
            text.append(String.format(ROW, service.name(), service.baseUrl(), relative(config, service.logFile())));
            text.append(String.format(ROW, "  health", service.readinessUrl(), ""));
            text.append(String.format(ROW, "  metrics", service.prometheusUrl(), ""));
        }
        if (config.infraOnly()) {
            text.append(String.format(
                    "%nServices not started (--infra-only). To run one from your IDE, set in its environment:%n"
                            + "  SPRING_KAFKA_BOOTSTRAP_SERVERS=%s%n"
                            + "  SPRING_DATASOURCE_USERNAME=%s SPRING_DATASOURCE_PASSWORD= and SPRING_DATASOURCE_URL=%n",
                    stack.kafka().bootstrapServers(), Postgres.USER));
            for (ServiceSpec service : config.services()) {
                service.database()
                        .ifPresent(db ->
                                text.append(String.format("    %-50s for %s%n", postgres.jdbcUrl(db), service.name())));
            }
        }
        text.append(String.format("%nPress Ctrl-C to stop.%n"));
        return text.toString().replaceAll(" +(\\R)", "$1");
    }

    private static String relative(StackConfig config, Path logFile) {
        return config.dataDir().relativize(logFile).toString();
    }
}
