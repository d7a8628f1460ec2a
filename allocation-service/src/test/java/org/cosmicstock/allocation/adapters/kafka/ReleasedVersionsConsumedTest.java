package org.cosmicstock.allocation.adapters.kafka;

import org.cosmicstock.messaging.testing.ReleasedVersionsConsumedTests;

/**
 * The allocation service reads what every released producer sent: each golden message of the contract
 * (every version, both wire formats) of a type it consumes is decoded by the codec it runs and mapped as
 * at run time: commands to a handled command with the same fields, its own events read back (ADR 5) as
 * the current samples are, to a handled event or to nothing.
 */
class ReleasedVersionsConsumedTest extends ReleasedVersionsConsumedTests {

    ReleasedVersionsConsumedTest() {
        super(AvroMappingCoverageTest.READ);
    }
}
