package org.cosmicstock.messaging.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the operations endpoints that need credentials ({@code cosmicstock.ops}; in the
 * environment {@code COSMICSTOCK_OPS_USERNAME} and {@code COSMICSTOCK_OPS_PASSWORD}). There is no
 * default password: without one, those endpoints refuse everyone, which is the safe default for a
 * deployment that forgot to set it.
 *
 * @param username the HTTP basic user name of the operator
 * @param password the operator's password, at least {@link #MIN_PASSWORD_LENGTH} characters; empty
 *     disables the endpoints that need credentials
 */
@ConfigurationProperties("cosmicstock.ops")
public record OperationsProperties(
        @DefaultValue("ops") String username,
        @DefaultValue("") String password) {

    public static final int MIN_PASSWORD_LENGTH = 12;

    public OperationsProperties {
        if (username == null || username.isBlank() || username.contains(":")) {
            throw new IllegalArgumentException(
                    "cosmicstock.ops.username (COSMICSTOCK_OPS_USERNAME) must be a" + " non-blank name without ':'");
        }
        if (password != null && !password.isEmpty() && password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("cosmicstock.ops.password (COSMICSTOCK_OPS_PASSWORD) must be at least "
                    + MIN_PASSWORD_LENGTH + " characters, or empty to disable the operations that need credentials");
        }
    }

    public boolean enabled() {
        return password != null && !password.isEmpty();
    }

    @Override
    public String toString() {
        return "OperationsProperties[username=" + username + ", password=" + (enabled() ? "(set)" : "(none)") + "]";
    }
}
