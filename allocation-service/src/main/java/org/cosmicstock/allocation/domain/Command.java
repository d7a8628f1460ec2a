package org.cosmicstock.allocation.domain;

/** Something asked of the allocation service; consumed from {@code allocation.commands}. */
public sealed interface Command permits CreateBatch, Allocate, ChangeBatchQuantity {}
