package org.cosmicstock.orders.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Assertions on RFC 9457 answers. */
final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {}

    /** A 4xx problem+json, never a 5xx, whatever the request was; returns the problem. */
    static JsonNode assertProblem(HttpResponse<String> response, int status, String what) {
        assertThat(response.statusCode()).as(what + " -> " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type"))
                .as(what)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).as(what).isEqualTo(status);
        assertThat(problem.get("detail").stringValue()).as(what).isNotBlank();
        return problem;
    }

    static void assertInvalidField(HttpResponse<String> response, String field, String what) {
        JsonNode problem = assertProblem(response, 400, what);
        assertThat(problem.get("field")).as(what + ": field named").isNotNull();
        assertThat(problem.get("field").stringValue()).as(what).isEqualTo(field);
        assertThat(problem.get("detail").stringValue()).as(what).startsWith(field + " ");
    }
}
