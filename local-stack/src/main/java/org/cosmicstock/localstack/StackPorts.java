package org.cosmicstock.localstack;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** Every port the local stack may listen on; the services' ports are those of their first instance. */
public record StackPorts(
        int kafka,
        int controller,
        int postgres,
        ServicePorts allocation,
        ServicePorts orders,
        ServicePorts stockView,
        int redis,
        int registry,
        int registryManagement) {

    /** The documented defaults, the ports the README and the Prometheus configuration name. */
    public static StackPorts defaults() {
        return new StackPorts(
                9092,
                9093,
                15432,
                new ServicePorts(8081, 8091),
                new ServicePorts(8082, 8092),
                new ServicePorts(8083, 8093),
                16379,
                8085,
                8086);
    }

    /**
     * Ports free at the time of the call, so that tests can run beside a developer's stack; a second
     * instance's ports ({@link ServicePorts#INSTANCE_STRIDE} higher) were free too. With {@code
     * separateManagement} false each service's actuator stays on its HTTP port.
     */
    public static StackPorts free(boolean separateManagement) {
        int[] services = Ports.freePortsWithRoomAbove(6, ServicePorts.INSTANCE_STRIDE);
        // Asked for separately, an infrastructure port could be one the services (or their second
        // instances) were given: the operating system hands out the ports it just freed again.
        Set<Integer> taken = new HashSet<>();
        for (int port : services) {
            taken.add(port);
            taken.add(port + ServicePorts.INSTANCE_STRIDE);
        }
        int[] infra = Ports.freePorts(6);
        for (int attempt = 1; Arrays.stream(infra).anyMatch(taken::contains); attempt++) {
            if (attempt == 20) {
                throw new IllegalStateException("found no free ports apart from the services' " + taken);
            }
            infra = Ports.freePorts(6);
        }
        return new StackPorts(
                infra[0],
                infra[1],
                infra[2],
                service(services[0], services[3], separateManagement),
                service(services[1], services[4], separateManagement),
                service(services[2], services[5], separateManagement),
                infra[3],
                infra[4],
                infra[5]);
    }

    private static ServicePorts service(int http, int management, boolean separateManagement) {
        return separateManagement ? new ServicePorts(http, management) : ServicePorts.sameForBoth(http);
    }
}
