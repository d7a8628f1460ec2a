package org.cosmicstock.messaging.config;

/** The {@code ce_source} of everything this service emits, e.g. {@code /allocation-service}. */
public record ServiceSource(String value) {}
