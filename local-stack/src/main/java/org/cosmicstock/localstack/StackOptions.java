package org.cosmicstock.localstack;

import java.util.List;
import java.util.function.Consumer;

/**
 * What the local stack runs besides its ports: which parts, how many instances, how durable, and the
 * JVM options of the services.
 *
 * @param fastDb PostgreSQL without fsync, synchronous_commit and full_page_writes (see {@link Postgres#FAST_RISK})
 * @param serviceJavaOptions given to every service JVM before {@code -jar}; empty means the JVM's defaults
 * @param classDataSharing run the services' jars extracted, with a class-data archive (see ClassDataCache)
 */
public record StackOptions(
        boolean infraOnly,
        boolean clean,
        boolean fastDb,
        int allocationInstances,
        int stockViewInstances,
        boolean redis,
        boolean registry,
        List<String> serviceJavaOptions,
        boolean classDataSharing) {

    /** Most instances of one service: each further one listens 100 ports higher. */
    public static final int MAX_INSTANCES = 9;

    /**
     * Measured with the suite's services (see local-stack/README.md): a heap far below what a
     * workstation's JVM would take by default, the serial collector (no GC threads competing for two
     * cores), small thread stacks and a bounded code cache keep each service well under 400 MB resident.
     */
    public static final List<String> DEFAULT_SERVICE_JAVA_OPTIONS = List.of(
            "-Xms64m",
            "-Xmx256m",
            "-Xss512k",
            "-XX:+UseSerialGC",
            "-XX:MaxMetaspaceSize=192m",
            "-XX:ReservedCodeCacheSize=96m",
            "-XX:MaxDirectMemorySize=64m");

    public StackOptions {
        requireInstances("allocation-service", allocationInstances);
        requireInstances("stock-view-service", stockViewInstances);
        serviceJavaOptions = List.copyOf(serviceJavaOptions);
    }

    public static StackOptions defaults() {
        return new StackOptions(false, false, false, 1, 1, false, false, DEFAULT_SERVICE_JAVA_OPTIONS, true);
    }

    public StackOptions withInfraOnly() {
        return edit(draft -> draft.infraOnly = true);
    }

    public StackOptions withInstances(int allocation, int stockView) {
        return edit(draft -> {
            draft.allocationInstances = allocation;
            draft.stockViewInstances = stockView;
        });
    }

    public StackOptions withRedis() {
        return edit(draft -> draft.redis = true);
    }

    public StackOptions withRegistry() {
        return edit(draft -> draft.registry = true);
    }

    public StackOptions withClean() {
        return edit(draft -> draft.clean = true);
    }

    public StackOptions withFastDb() {
        return edit(draft -> draft.fastDb = true);
    }

    public StackOptions withServiceJavaOptions(List<String> options) {
        return edit(draft -> draft.serviceJavaOptions = options);
    }

    /** The services' jars run as built: no extraction, no class-data archive. */
    public StackOptions withoutClassDataSharing() {
        return edit(draft -> draft.classDataSharing = false);
    }

    /** A copy with what {@code change} sets on a draft of these options, checked as any new options are. */
    private StackOptions edit(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return new StackOptions(
                draft.infraOnly,
                draft.clean,
                draft.fastDb,
                draft.allocationInstances,
                draft.stockViewInstances,
                draft.redis,
                draft.registry,
                draft.serviceJavaOptions,
                draft.classDataSharing);
    }

    /** The options' fields, to change one or two of them. */
    private static final class Draft {
        boolean infraOnly;
        boolean clean;
        boolean fastDb;
        int allocationInstances;
        int stockViewInstances;
        boolean redis;
        boolean registry;
        List<String> serviceJavaOptions;
        boolean classDataSharing;

        Draft(StackOptions options) {
            infraOnly = options.infraOnly;
            clean = options.clean;
            fastDb = options.fastDb;
            allocationInstances = options.allocationInstances;
            stockViewInstances = options.stockViewInstances;
            redis = options.redis;
            registry = options.registry;
            serviceJavaOptions = options.serviceJavaOptions;
            classDataSharing = options.classDataSharing;
        }
    }

    private static void requireInstances(String service, int instances) {
        if (instances < 1 || instances > MAX_INSTANCES) {
            throw new IllegalArgumentException(
                    service + " instances must be from 1 to " + MAX_INSTANCES + ", not " + instances);
        }
    }
}
