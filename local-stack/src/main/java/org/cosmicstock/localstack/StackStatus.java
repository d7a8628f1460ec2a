package org.cosmicstock.localstack;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;

/** One line per part, printed when the user presses Enter: is it running, its pid, its resident memory. */
final class StackStatus {
    private static final String ROW = "  %-22s %-8s %-10s %s%n";

    private StackStatus() {}

    static String render(LocalStack stack, Duration uptime) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                "Status at %s, up %s%n",
                LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")),
                uptime.truncatedTo(ChronoUnit.SECONDS).toString().substring(2).toLowerCase()));
        text.append(String.format(ROW, "", "state", "pid", "resident"));
        Postgres postgres = stack.postgres();
        OptionalLong postmaster = postgres.pid();
        text.append(row(
                "PostgreSQL",
                postmaster.isPresent(),
                postmaster.orElse(-1),
                // The postmaster alone: its backends share its buffers, a sum would count them many times.
                postmaster.isPresent() ? ResidentMemory.of(postmaster.getAsLong()) : OptionalLong.empty()));
        KafkaBroker kafka = stack.kafka();
        text.append(row("Kafka broker", kafka.isRunning(), kafka.pid(), kafka.residentBytes()));
        stack.redisIfRunning()
                .ifPresent(redis -> text.append(row("Redis", redis.isRunning(), redis.pid(), redis.residentBytes())));
        stack.registryIfRunning()
                .ifPresent(registry -> text.append(
                        row("Schema registry", registry.isRunning(), registry.pid(), registry.residentBytes())));
        for (ServiceProcess service : stack.services()) {
            text.append(row(service.label(), service.isRunning(), service.pid(), service.residentBytes()));
        }
        return text.toString();
    }

    private static String row(String label, boolean running, long pid, OptionalLong resident) {
        return String.format(
                ROW,
                label,
                running ? "running" : "stopped",
                running ? Long.toString(pid) : "-",
                running ? ResidentMemory.describe(resident) : "-");
    }
}
