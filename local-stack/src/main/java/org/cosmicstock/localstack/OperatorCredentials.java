package org.cosmicstock.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The operator's credentials for the services' mutating actuator operations (a stock view rebuild,
 * re-queuing parked outbox rows) on this machine: a random password made once per data directory
 * and kept in {@code ops-password} there (readable by its owner only), so it survives restarts and
 * {@code --clean} makes a new one. No default password exists anywhere.
 */
public record OperatorCredentials(String username, String password) {

    public static final String USERNAME = "ops";
    static final String FILE = "ops-password";

    /** The credentials of {@code dataDir}, made now if it has none yet. */
    public static OperatorCredentials of(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] random = new byte[18];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, HexFormat.of().formatHex(random) + "\n", StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // the file stays with the directory's permissions
                }
            }
            return new OperatorCredentials(
                    USERNAME, Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the operator password in " + file, e);
        }
    }

    Map<String, String> environment() {
        return Map.of("COSMICSTOCK_OPS_USERNAME", username, "COSMICSTOCK_OPS_PASSWORD", password);
    }
}
