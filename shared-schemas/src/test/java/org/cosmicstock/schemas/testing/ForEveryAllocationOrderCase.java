package org.cosmicstock.schemas.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A test run once for every row of {@code allocation-order.csv}, given the {@link AllocationOrderCase}. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@MethodSource("org.cosmicstock.schemas.testing.AllocationOrderCase#all")
public @interface ForEveryAllocationOrderCase {}
