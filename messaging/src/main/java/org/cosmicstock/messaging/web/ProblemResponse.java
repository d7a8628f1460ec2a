package org.cosmicstock.messaging.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem straight to the servlet response, for the answers given before Spring
 * MVC is reached (a body over the limit, a rejected URL, missing credentials), so that they look
 * exactly like the problems the controllers return.
 */
public final class ProblemResponse {

    // With Spring's mixin, as its message converters write a ProblemDetail: "type" only when set, and the
    // extension properties (e.g. "field") as members, not as "type": null and "properties": null.
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    private ProblemResponse() {}

    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    public static void write(HttpServletResponse response, ProblemDetail problem, String path) throws IOException {
        write(response, problem, path, Map.of());
    }

    public static void write(
            HttpServletResponse response, ProblemDetail problem, String path, Map<String, String> headers)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        URI instance = safePath(path);
        if (instance != null) {
            problem.setInstance(instance);
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        headers.forEach(response::setHeader);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        byte[] body = JSON.writeValueAsBytes(problem);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** The request path as the client sent it may hold anything; echo it only when short and plain. */
    private static URI safePath(String path) {
        if (path == null || path.length() > 200 || !path.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            return null;
        }
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
