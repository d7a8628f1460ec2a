package org.cosmicstock.schemas.testing;

import org.junit.jupiter.api.Test;

/**
 * Not a test (surefire does not pick up the name): the way to run {@link ContractFixtureGenerator} from Maven
 * without another plugin, {@code ./mvnw -o -q -pl shared-schemas test -Dtest=GenerateContractFixtures}.
 */
class GenerateContractFixtures {

    @Test
    void writeFixturesOfNewlyReleasedVersions() {
        ContractFixtureGenerator.main(new String[0]);
    }
}
