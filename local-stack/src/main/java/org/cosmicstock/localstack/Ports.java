package org.cosmicstock.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds free ports and explains taken ones before anything starts, while the message can still be clear. */
public final class Ports {

    private Ports() {}

    /** Whether this process could listen on {@code port} on 127.0.0.1, where the stack listens. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** Distinct free ports; all are held open until all are found, so none is handed out twice. */
    public static int[] freePorts(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        } finally {
            for (ServerSocket socket : sockets) {
                closeQuietly(socket);
            }
        }
    }

    /**
     * Distinct free ports {@code p} for which {@code p + above} was free too, for a second instance
     * of a service that listens that much higher.
     */
    public static int[] freePortsWithRoomAbove(int count, int above) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int[] ports = freePorts(count);
            Set<Integer> all = new HashSet<>();
            for (int port : ports) {
                all.add(port);
                all.add(port + above);
            }
            boolean roomy = all.size() == 2 * count
                    && Arrays.stream(ports).allMatch(port -> port + above <= 65535 && isFree(port + above));
            if (roomy) {
                return ports;
            }
        }
        throw new IllegalStateException("found no free ports with free ports " + above + " above them");
    }

    /** The first reason the stack cannot listen where it was asked to, phrased for the user. */
    public static Optional<String> problem(List<PortClaim> claims) {
        Map<Integer, PortClaim> seen = new HashMap<>();
        for (PortClaim claim : claims) {
            PortClaim earlier = seen.putIfAbsent(claim.port(), claim);
            if (earlier != null) {
                return Optional.of(String.format(
                        "Port %d is given both to %s (%s) and to %s (%s); give them different ports.",
                        claim.port(), earlier.purpose(), earlier.flag(), claim.purpose(), claim.flag()));
            }
        }
        return claims.stream()
                .filter(claim -> !isFree(claim.port()))
                .findFirst()
                .map(claim -> String.format(
                        "Port %d, needed for %s, is already in use on 127.0.0.1.%n"
                                + "Stop whatever listens there (is a local stack from an earlier run still running?"
                                + " see: lsof -nP -iTCP:%d -sTCP:LISTEN), or choose another port with %s PORT.",
                        claim.port(), claim.purpose(), claim.port(), claim.flag()));
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing was listening on it yet
        }
    }
}
