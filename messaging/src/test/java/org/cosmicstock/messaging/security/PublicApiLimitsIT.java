package org.cosmicstock.messaging.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.cosmicstock.messaging.testing.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every service's public port refuses before a controller sees the request: big bodies and forged URLs. */
@WithOperator
class PublicApiLimitsIT {

    private static final int LIMIT = 64 * 1024;

    @LocalServerPort
    int port;

    @Test
    void aBodyOfExactlyTheLimitIsAccepted() {
        assertThat(post(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT])).body())
                .isEqualTo("received " + LIMIT + " bytes");
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413() {
        assertTooLarge(post(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT + 1])));
        assertTooLarge(post(HttpRequest.BodyPublishers.ofByteArray(new byte[10 * 1024 * 1024])));
    }

    @Test
    void aChunkedBodyIsCountedAsItArrives() {
        // ofInputStream has no length, so the client sends it chunked, without Content-Length.
        HttpResponse<String> small =
                post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[1000])));
        assertThat(small.body()).isEqualTo("received 1000 bytes");
        assertTooLarge(
                post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[LIMIT + 1]))));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/echo%0AINFO-forged", "/echo%0d%0a", "/echo%00", "/a%2Fb", "/a%5Cb", "/a%25b", "/a/%2e%2e/b"})
    void urlsTheFirewallRejectsAreA400Problem(String path) {
        HttpResponse<String> response = new TestHttp(port).get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":400");
    }

    @Test
    void aUrlOverTheHeaderSizeLimitIsA400Problem() {
        HttpResponse<String> response = new TestHttp(port).get("/echo/" + "x".repeat(20_000));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) {
        TestHttp api = new TestHttp(port);
        return api.send(
                api.request("/echo").header("content-type", "application/json").POST(body));
    }

    private static void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("must be at most 65536 bytes");
    }
}
