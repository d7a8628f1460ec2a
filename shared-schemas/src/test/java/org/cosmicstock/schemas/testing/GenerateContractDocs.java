package org.cosmicstock.schemas.testing;

import org.junit.jupiter.api.Test;

/**
 * Not a test (surefire does not pick up the name): the way to run {@link ContractDocs} from Maven without another
 * plugin, {@code ./mvnw -o -q -pl shared-schemas test -Dtest=GenerateContractDocs}.
 */
class GenerateContractDocs {

    @Test
    void writeThePayloadTableAndTheAsyncApiDocument() throws Exception {
        ContractDocs.main(new String[0]);
    }
}
