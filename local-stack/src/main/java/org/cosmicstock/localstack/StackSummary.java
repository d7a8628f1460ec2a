package org.cosmicstock.localstack;

import java.nio.file.Path;
import java.util.Optional;

/** The table printed once everything is up: where each part listens and where it logs. */
final class StackSummary {
    private static final String ROW = "  %-22s %-52s %s%n";

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
        text.append(String.format(
                ROW, "", postgres.durable() ? "durable: fsync, synchronous_commit on" : "NOT durable (--fast-db)", ""));
        stack.redisIfRunning()
                .ifPresent(redis -> text.append(
                        String.format(ROW, "Redis", redis.url() + " (stock view)", relative(config, redis.logFile()))));
        stack.registryIfRunning()
                .ifPresent(registry -> text.append(String.format(
                        ROW, "Schema registry", registry.confluentApiUrl(), relative(config, registry.logFile()))));
        for (ServiceProcess service : stack.services()) {
            text.append(String.format(ROW, service.label(), service.baseUrl(), relative(config, service.logFile())));
            text.append(String.format(ROW, "  health", service.readinessUrl(), ""));
            text.append(String.format(ROW, "  metrics", service.prometheusUrl(), ""));
            text.append(String.format(ROW, "", readiness(service), ""));
        }
        if (!stack.services().isEmpty()) {
            OperatorCredentials operator = config.operator();
            text.append(String.format(
                    ROW,
                    "Operator",
                    "user " + operator.username() + ", password in "
                            + relative(config, config.dataDir().resolve(OperatorCredentials.FILE)),
                    ""));
            text.append(
                    String.format(ROW, "", "(actuator details, POST /actuator/projection, POST /actuator/outbox)", ""));
        }
        if (config.infraOnly()) {
            appendInfraOnlyHints(stack, text);
        }
        if (!postgres.durable()) {
            text.append(String.format("%nWarning (--fast-db): %s%n", Postgres.FAST_RISK));
        }
        text.append(String.format("%nPress Enter for a status line, Ctrl-C to stop.%n"));
        return text.toString().replaceAll(" +(\\R)", "$1");
    }

    private static String readiness(ServiceProcess service) {
        Optional<String> readyAfter =
                service.readyAfter().map(after -> String.format("ready in %.1f s", after.toMillis() / 1000.0));
        Optional<String> cpu =
                service.cpuUntilReady().map(used -> String.format(" (%.1f s of CPU)", used.toMillis() / 1000.0));
        return String.format(
                "%s, %s resident, pid %d",
                readyAfter.orElse("not ready") + cpu.orElse(""),
                ResidentMemory.describe(service.residentBytes()),
                service.pid());
    }

    private static void appendInfraOnlyHints(LocalStack stack, StringBuilder text) {
        StackConfig config = stack.config();
        text.append(String.format(
                "%nServices not started (--infra-only). To run one from your IDE, set in its environment:%n"
                        + "  SPRING_KAFKA_BOOTSTRAP_SERVERS=%s%n"
                        + "  SPRING_DATASOURCE_USERNAME=%s SPRING_DATASOURCE_PASSWORD= and SPRING_DATASOURCE_URL=%n",
                stack.kafka().bootstrapServers(), Postgres.USER));
        for (String service : new String[] {ServiceSpec.ALLOCATION, ServiceSpec.ORDERS, ServiceSpec.STOCK_VIEW}) {
            config.instance(service, 1)
                    .database()
                    .ifPresent(db -> text.append(
                            String.format("    %-50s for %s%n", stack.postgres().jdbcUrl(db), service)));
        }
        config.redisUrl()
                .ifPresent(url -> text.append(String.format(
                        "  and for stock-view-service COSMICSTOCK_STOCKVIEW_CACHE=redis"
                                + " COSMICSTOCK_STOCKVIEW_REDIS_URL=%s%n",
                        url)));
        config.registryUrl()
                .ifPresent(url -> text.append(
                        String.format("  and for each COSMICSTOCK_MESSAGING_SCHEMAREGISTRY_URL=%s%n", url)));
    }

    static String relative(StackConfig config, Path logFile) {
        return logFile.startsWith(config.dataDir())
                ? config.dataDir().relativize(logFile).toString()
                : logFile.toString();
    }
}
