package org.cosmicstock.localstack;

/**
 * Where one service instance listens: its HTTP port and its management port (actuator: health,
 * readiness, prometheus). The same number for both keeps the actuator on the HTTP port.
 */
public record ServicePorts(int http, int management) {
    /** How much higher each further instance of a service listens: allocation-service#2 on 8181/8191. */
    public static final int INSTANCE_STRIDE = 100;

    public static ServicePorts sameForBoth(int port) {
        return new ServicePorts(port, port);
    }

    /** The ports of instance {@code n} (1 is this one) when this one is the first. */
    public ServicePorts instance(int n) {
        int offset = INSTANCE_STRIDE * (n - 1);
        return new ServicePorts(http + offset, management + offset);
    }

    public boolean separateManagement() {
        return management != http;
    }
}
