package org.cosmicstock.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Apicurio Registry on a Java 21+, spoken to with plain HTTP through its Confluent-compatible
 * API, as the services' registry codec and any Confluent client would.
 */
@Timeout(300)
class ApicurioRegistryIT {
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String V1 = schema("{\\\"name\\\":\\\"text\\\",\\\"type\\\":\\\"string\\\"}");
    /** A new field without a default: a reader of this version cannot read what v1 wrote. */
    private static final String INCOMPATIBLE = schema("{\\\"name\\\":\\\"text\\\",\\\"type\\\":\\\"string\\\"},"
            + "{\\\"name\\\":\\\"lang\\\",\\\"type\\\":\\\"string\\\"}");
    /** The same field with a default: backward compatible. */
    private static final String COMPATIBLE = schema("{\\\"name\\\":\\\"text\\\",\\\"type\\\":\\\"string\\\"},"
            + "{\\\"name\\\":\\\"lang\\\",\\\"type\\\":\\\"string\\\",\\\"default\\\":\\\"en\\\"}");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsAnswersTheConfluentApiRegistersASchemaAndRefusesAnIncompatibleOne() throws Exception {
        try (ApicurioRegistry registry = ApicurioRegistry.forTests(dir.resolve("registry.log"))) {
            registry.start();
            String api = registry.confluentApiUrl();
            assertThat(api).isEqualTo("http://127.0.0.1:" + registry.port() + "/apis/ccompat/v7");

            assertThat(send("GET", api + "/subjects", null)).isEqualTo("200 []");
            HttpResponse<String> registered = request("POST", api + "/subjects/it.Greeting/versions", V1);
            assertThat(registered.statusCode()).isEqualTo(200);
            String id = registered.body().replaceAll("\\D", "");
            assertThat(send("GET", api + "/schemas/ids/" + id, null))
                    .startsWith("200 ")
                    .contains("\\\"name\\\":\\\"Greeting\\\"");
            assertThat(send("PUT", api + "/config/it.Greeting", "{\"compatibility\":\"BACKWARD\"}"))
                    .startsWith("200 ");

            assertThat(send("POST", api + "/subjects/it.Greeting/versions", INCOMPATIBLE))
                    .startsWith("409 ")
                    .contains("Incompatible");
            assertThat(send("POST", api + "/subjects/it.Greeting/versions", COMPATIBLE))
                    .startsWith("200 ");
            assertThat(send("GET", api + "/subjects/it.Greeting/versions", null))
                    .isEqualTo("200 [1,2]");
            assertThat(send("GET", registry.healthUrl(), null)).startsWith("200 ");
            assertThat(registry.residentBytes()).isPresent();
        }
        assertThat(Orphans.under(dir)).isEmpty();
    }

    private static String schema(String fields) {
        return "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Greeting\\\",\\\"namespace\\\":\\\"it\\\","
                + "\\\"fields\\\":[" + fields + "]}\"}";
    }

    private String send(String method, String url, String body) throws Exception {
        HttpResponse<String> response = request(method, url, body);
        return response.statusCode() + " " + response.body();
    }

    private HttpResponse<String> request(String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", CONTENT_TYPE);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
