package org.cosmicstock.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aPortSomebodyListensOnIsNamedWithItsPurposeAndTheFlagThatMovesIt() throws Exception {
        try (ServerSocket somebody = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int taken = somebody.getLocalPort();
            int free = Ports.freePorts(1)[0];

            assertThat(Ports.isFree(taken)).isFalse();
            assertThat(Ports.problem(List.of(
                            new PortClaim(free, "PostgreSQL", "--postgres-port"),
                            new PortClaim(taken, "the Kafka broker's client listener", "--kafka-port"))))
                    .hasValueSatisfying(message -> assertThat(message)
                            .contains("Port " + taken + ", needed for the Kafka broker's client listener,")
                            .contains("already in use")
                            .contains("--kafka-port PORT"));
        }
    }

    @Test
    void freePortsRaiseNoProblem() {
        int[] ports = Ports.freePorts(3);

        assertThat(ports).doesNotHaveDuplicates();
        assertThat(Ports.problem(List.of(
                        new PortClaim(ports[0], "a", "--a"),
                        new PortClaim(ports[1], "b", "--b"),
                        new PortClaim(ports[2], "c", "--c"))))
                .isEmpty();
    }

    @Test
    void onePortGivenTwiceIsCaughtBeforeAnythingTriesToListen() {
        int port = Ports.freePorts(1)[0];

        assertThat(Ports.problem(List.of(
                        new PortClaim(port, "orders-service", "--orders-port"),
                        new PortClaim(port, "stock-view-service", "--stock-view-port"))))
                .hasValue("Port " + port + " is given both to orders-service (--orders-port) and to"
                        + " stock-view-service (--stock-view-port); give them different ports.");
    }
}
