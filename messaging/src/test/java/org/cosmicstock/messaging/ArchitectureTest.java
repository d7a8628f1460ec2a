package org.cosmicstock.messaging;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.cosmicstock.messaging.testing.DependencyRules;

/**
 * The bus and its retries are plain Java (and SLF4J, the logging API), so every service layer can
 * use them without taking on a framework.
 */
@AnalyzeClasses(packages = "org.cosmicstock.messaging", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String BUS = "org.cosmicstock.messaging.bus..";
    private static final String RETRY = "org.cosmicstock.messaging.retry..";

    @ArchTest
    static final ArchRule busDependsOnlyOnJavaItselfAndItsRetries = classes()
            .that()
            .resideInAPackage(BUS)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.slf4j..", BUS, RETRY);

    @ArchTest
    static final ArchRule retriesDependOnlyOnJava = classes()
            .that()
            .resideInAPackage(RETRY)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.slf4j..", RETRY);

    @ArchTest
    static final ArchRule busUsesNoFrameworkBrokerSerialisationOrDatabase = noClasses()
            .that()
            .resideInAnyPackage(BUS, RETRY)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(DependencyRules.OUTSIDE_WORLD)
            .because("the bus is the plain-Java core shared by every service layer; adapters do the wiring");
}
