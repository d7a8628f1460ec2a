package org.cosmicstock.localstack.e2e;

import org.cosmicstock.schemas.codec.MessageCodec;
import org.junit.jupiter.api.BeforeAll;

/** An end-to-end test class on the one running suite ({@link RunningSuite#get}), started before its first test. */
abstract class OnTheRunningSuite {

    static RunningSuite suite;

    /** The suite's codec: what its services read and write by default. */
    final MessageCodec codec = suite.codec;

    @BeforeAll
    static void startSuite() throws Exception {
        suite = RunningSuite.get();
    }
}
