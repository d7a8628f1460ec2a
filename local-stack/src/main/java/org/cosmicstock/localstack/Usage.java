package org.cosmicstock.localstack;

/** What {@code ./run-local --help} prints: every flag, with its default. */
final class Usage {

    static final String TEXT = """
            Usage: ./run-local [options]

            Starts a Kafka broker (KRaft), PostgreSQL and the three services on this machine, no Docker
            needed. Everything stops on Ctrl-C. Data and logs are kept in one directory between runs.
            Press Enter while it runs for a status line (memory and uptime of each part).

            What runs:
              --infra-only             start only Kafka and PostgreSQL (run the services from your IDE)
              --replicas N             run N instances of allocation-service and of stock-view-service
                                       (default: 1); instance 2 listens 100 ports higher (8181, 8183...)
              --allocation-instances N    instances of allocation-service alone (1 to 9)
              --stock-view-instances N    instances of stock-view-service alone (1 to 9)
              --redis                  start redis-server (from the PATH; nothing kept on disk) and keep
                                       stock-view-service's view there, shared by its instances
              --registry               start Apicurio Registry 3.3.3 (needs a Java 21 or newer: JAVA_HOME
                                       or /usr/lib/jvm) and have the services use its Confluent API
              --fast-db                PostgreSQL without fsync, synchronous_commit and full_page_writes:
                                       faster, but a crash can lose or corrupt committed data (default:
                                       durable, all three on)
              --service-java-opts "OPTS"  JVM options of every service, replacing the defaults
                                       (%s; "" for the JVM's own)
              --no-cds                 run the services' jars as built; by default they run extracted
                                       (in <module>/target/cds) with a class-data archive that the
                                       first run writes when it stops: later starts need about half the CPU

            Where:
              --clean                  wipe the data directory before starting
              --data-dir DIR           data and logs (default: .local-stack in the current directory)
              --repo-root DIR          where the service modules are built (default: current directory)
              --kafka-port PORT        Kafka bootstrap listener (default: 9092)
              --controller-port PORT   Kafka KRaft controller listener (default: 9093)
              --postgres-port PORT     PostgreSQL (default: 15432)
              --allocation-port PORT   allocation-service HTTP (default: 8081)
              --orders-port PORT       orders-service HTTP (default: 8082)
              --stock-view-port PORT   stock-view-service HTTP (default: 8083)
              --allocation-management-port PORT   its actuator: health, metrics (default: 8091)
              --orders-management-port PORT       (default: 8092)
              --stock-view-management-port PORT   (default: 8093)
              --redis-port PORT        Redis, with --redis (default: 16379)
              --registry-port PORT     the registry, with --registry (default: 8085)
              --registry-management-port PORT     the registry's health (default: 8086)

              --no-build               (run-local only) skip the Maven build, start what was built last
              -h, --help               show this help
            """.formatted(String.join(" ", StackOptions.DEFAULT_SERVICE_JAVA_OPTIONS));

    private Usage() {}
}
