package org.cosmicstock.orders.adapters.kafka;

import org.cosmicstock.messaging.testing.ReleasedVersionsConsumedTests;

/**
 * The orders service reads what every released allocation-service sent: each golden event of the
 * contract (every version, both wire formats) is decoded by the codec it runs and mapped as the current
 * version's sample is, to a handled command with the same fields or to nothing.
 */
class ReleasedVersionsConsumedTest extends ReleasedVersionsConsumedTests {

    ReleasedVersionsConsumedTest() {
        super(AvroMappingCoverageTest.READ);
    }
}
