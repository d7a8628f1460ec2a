package org.cosmicstock.stockview;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.cosmicstock.messaging.testing.DependencyRules;

/** The dependency rule of the suite, applied to this service's classes. */
@AnalyzeClasses(packages = "org.cosmicstock.stockview", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests dependencyRule = ArchTests.in(DependencyRules.class);
}
