package org.cosmicstock.messaging;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.cosmicstock.messaging.testing.DependencyRules;

/** The bus is plain Java, so every service layer can use it without taking on a framework. */
@AnalyzeClasses(packages = "org.cosmicstock.messaging", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String BUS = "org.cosmicstock.messaging.bus..";

    @ArchTest
    static final ArchRule busDependsOnlyOnJavaAndItself = classes()
            .that()
            .resideInAPackage(BUS)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", BUS);

    @ArchTest
    static final ArchRule busUsesNoFrameworkBrokerSerialisationOrDatabase = noClasses()
            .that()
            .resideInAPackage(BUS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(DependencyRules.OUTSIDE_WORLD)
            .because("the bus is the plain-Java core shared by every service layer; adapters do the wiring");
}
