package org.cosmicstock.stockview.adapters.kafka;

import org.cosmicstock.messaging.testing.ReleasedVersionsConsumedTests;

/**
 * The stock view reads what every released allocation-service sent: each golden event of the contract
 * (every version, both wire formats) is decoded by the codec it runs and projected as the current
 * version's sample is, to one of the view's events with the same fields or to nothing.
 */
class ReleasedVersionsConsumedTest extends ReleasedVersionsConsumedTests {

    ReleasedVersionsConsumedTest() {
        super(AvroMappingCoverageTest.READ);
    }
}
