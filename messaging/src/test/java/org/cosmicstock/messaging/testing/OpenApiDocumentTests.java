package org.cosmicstock.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What every service's checked-in OpenAPI document ({@link OpenApiDocument}) must be, checked against the running
 * service: a valid OpenAPI 3.1 document, served at GET /openapi.yaml on the API port, with exactly the
 * controllers' operations and query parameters. A service's {@code @SpringBootTest} class implements it (it may
 * extend its own base) and adds the test that its real answers are what the document describes.
 */
public interface OpenApiDocumentTests {

    OpenApiDocument DOCUMENT = OpenApiDocument.load();

    @Test
    default void isAValidOpenApi31Document() {
        DOCUMENT.assertValid();
    }

    @Test
    default void theServiceServesItOnItsApiPort(@LocalServerPort int port) {
        HttpResponse<String> served = new TestHttp(port).get("/openapi.yaml");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
        assertThat(served.body()).isEqualTo(DOCUMENT.text());
    }

    @Test
    default void itDocumentsExactlyTheControllersOperationsAndQueryParameters(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        assertThat(DOCUMENT.queryParameters()).isEqualTo(OpenApiDocument.mappedQueryParameters(mappings));
    }
}
