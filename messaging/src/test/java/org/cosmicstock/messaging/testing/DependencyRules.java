package org.cosmicstock.messaging.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rule every service states: domain and service are plain Java; only adapters and
 * bootstrap touch the outside. A service's ArchitectureTest analyses its own root package and
 * includes these with {@code ArchTests.in(DependencyRules.class)}, so "..domain.." is its domain.
 */
public final class DependencyRules {

    private static final String BUS = "org.cosmicstock.messaging.bus..";
    private static final String RETRY = "org.cosmicstock.messaging.retry..";

    /** What plain-Java code must never touch: framework, broker, serialisation, database. */
    public static final String[] OUTSIDE_WORLD = {
        "org.springframework..",
        "org.apache.kafka..",
        "org.apache.avro..",
        "org.cosmicstock.schemas..",
        "java.sql..",
        "javax.sql..",
        "com.fasterxml..",
        "tools.jackson.."
    };

    private DependencyRules() {}

    @ArchTest
    static final ArchRule domainDependsOnlyOnJavaAndItself = classes()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "..domain..");

    @ArchTest
    static final ArchRule serviceDependsOnlyOnJavaItsDomainAndTheBus = classes()
            .that()
            .resideInAPackage("..service..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.slf4j..", "..domain..", "..service..", BUS, RETRY);

    @ArchTest
    static final ArchRule domainAndServiceUseNoFrameworkBrokerSerialisationOrDatabase = noClasses()
            .that()
            .resideInAnyPackage("..domain..", "..service..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(OUTSIDE_WORLD)
            .because("Spring, Kafka, Avro, JDBC and Jackson belong in adapters and bootstrap");
}
