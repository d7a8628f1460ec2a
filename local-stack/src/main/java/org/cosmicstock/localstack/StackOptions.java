package org.cosmicstock.localstack;

import java.util.List;

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
        return new StackOptions(
                true,
                clean,
                fastDb,
                allocationInstances,
                stockViewInstances,
                redis,
                registry,
                serviceJavaOptions,
                classDataSharing);
    }

    public StackOptions withInstances(int allocation, int stockView) {
        return new StackOptions(
                infraOnly, clean, fastDb, allocation, stockView, redis, registry, serviceJavaOptions, classDataSharing);
    }

    public StackOptions withRedis() {
        return new StackOptions(
                infraOnly,
                clean,
                fastDb,
                allocationInstances,
                stockViewInstances,
                true,
                registry,
                serviceJavaOptions,
                classDataSharing);
    }

    public StackOptions withRegistry() {
        return new StackOptions(
                infraOnly,
                clean,
                fastDb,
                allocationInstances,
                stockViewInstances,
                redis,
                true,
                serviceJavaOptions,
                classDataSharing);
    }

    public StackOptions withClean() {
        return new StackOptions(
                infraOnly,
                true,
                fastDb,
                allocationInstances,
                stockViewInstances,
                redis,
                registry,
                serviceJavaOptions,
                classDataSharing);
    }

    public StackOptions withFastDb() {
        return new StackOptions(
                infraOnly,
                clean,
                true,
                allocationInstances,
                stockViewInstances,
                redis,
                registry,
                serviceJavaOptions,
                classDataSharing);
    }

    public StackOptions withServiceJavaOptions(List<String> options) {
        return new StackOptions(
                infraOnly,
                clean,
                fastDb,
                allocationInstances,
                stockViewInstances,
                redis,
                registry,
                options,
                classDataSharing);
    }

    /** The services' jars run as built: no extraction, no class-data archive. */
    public StackOptions withoutClassDataSharing() {
        return new StackOptions(
                infraOnly,
                clean,
                fastDb,
                allocationInstances,
                stockViewInstances,
                redis,
                registry,
                serviceJavaOptions,
                false);
    }

    private static void requireInstances(String service, int instances) {
        if (instances < 1 || instances > MAX_INSTANCES) {
            throw new IllegalArgumentException(
                    service + " instances must be from 1 to " + MAX_INSTANCES + ", not " + instances);
        }
    }
}
