package org.cosmicstock.allocation.adapters.jdbc;

/** A batch's quantities as loaded, so saving writes only the batches that changed. */
record StoredBatch(int purchasedQuantity, int allocatedQuantity) {}
