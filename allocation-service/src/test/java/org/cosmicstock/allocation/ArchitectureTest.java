package org.cosmicstock.allocation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rule: domain and service are plain Java; only adapters and bootstrap touch the outside. */
@AnalyzeClasses(packages = "org.cosmicstock.allocation", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String DOMAIN = "org.cosmicstock.allocation.domain..";
    private static final String SERVICE = "org.cosmicstock.allocation.service..";
    private static final String BUS = "org.cosmicstock.messaging.bus..";

    @ArchTest
    static final ArchRule domainDependsOnlyOnJavaAndItself = classes()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", DOMAIN);

    @ArchTest
    static final ArchRule serviceDependsOnlyOnJavaItsDomainAndTheBus = classes()
            .that()
            .resideInAPackage("..service..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", DOMAIN, SERVICE, BUS);

    @ArchTest
    static final ArchRule domainAndServiceUseNoFrameworkBrokerSerialisationOrDatabase = noClasses()
            .that()
            .resideInAnyPackage("..domain..", "..service..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.apache.kafka..",
                    "org.apache.avro..",
                    "org.cosmicstock.schemas..",
                    "java.sql..",
                    "javax.sql..",
                    "com.fasterxml..",
                    "tools.jackson..")
            .because("Spring, Kafka, Avro, JDBC and Jackson belong in adapters and bootstrap");
}
