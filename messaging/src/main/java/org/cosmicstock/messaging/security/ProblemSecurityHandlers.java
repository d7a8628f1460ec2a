package org.cosmicstock.messaging.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.cosmicstock.messaging.web.ProblemResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's refusals as problem+json, like every other error of the suite: 401 with the
 * basic challenge (and, when no operator password is configured, how to enable the operation), 403,
 * and 400 for a URL the firewall rejects (encoded slashes, NUL, CR/LF and the like).
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    static final String REALM = "cosmic-stock operations";

    private final boolean credentialsConfigured;

    ProblemSecurityHandlers(boolean credentialsConfigured) {
        this.credentialsConfigured = credentialsConfigured;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String detail = credentialsConfigured
                ? "This operation needs the operator's credentials (HTTP basic)"
                : "This operation is disabled: no operator password is configured; set COSMICSTOCK_OPS_PASSWORD"
                        + " (and COSMICSTOCK_OPS_USERNAME, default 'ops') to enable it";
        ProblemResponse.write(
                response,
                ProblemResponse.problem(HttpStatus.UNAUTHORIZED, "Authentication required", detail),
                request.getRequestURI(),
                Map.of(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\""));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ProblemResponse.write(
                response,
                ProblemResponse.problem(
                        HttpStatus.FORBIDDEN, "Forbidden", "The operator's credentials do not allow this operation"),
                request.getRequestURI());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        ProblemResponse.write(
                response,
                ProblemResponse.problem(
                        HttpStatus.BAD_REQUEST,
                        "Invalid request",
                        "The URL holds characters or sequences this service does not accept"
                                + " (encoded '/', '\\', '%', '.', ';', NUL, CR or LF, or a non-normalised path)"),
                null);
    }
}
