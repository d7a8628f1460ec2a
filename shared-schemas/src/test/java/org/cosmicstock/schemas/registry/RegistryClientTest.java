package org.cosmicstock.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.apache.avro.Schema;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.testing.FakeSchemaRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegistryClientTest {

    private static final String SUBJECT = "org.cosmicstock.schemas.commands.Allocate";

    @RegisterExtension
    final FakeSchemaRegistry registry = FakeSchemaRegistry.start();

    private final Schema allocate = Allocate.getClassSchema();

    @Test
    void registersLooksUpAndReadsBack() {
        RegistryClient client = RegistryClient.connect(registry.url());

        assertThat(client.idOf(SUBJECT, allocate)).isEmpty();
        int id = client.register(SUBJECT, allocate);

        assertThat(client.register(SUBJECT, allocate)).as("registering again").isEqualTo(id);
        assertThat(client.idOf(SUBJECT, allocate)).hasValue(id);
        assertThat(client.schemaById(id)).hasValue(new RegistrySchema("AVRO", allocate.toString()));
        assertThat(client.schemaById(id + 1)).isEmpty();
        assertThat(client.location())
                .isEqualTo(registry.url())
                .isEqualTo(client.toString().replaceAll(".*\\[|]", ""));
    }

    @Test
    void setsTheCompatibilityOfASubject() {
        RegistryClient client = RegistryClient.connect(registry.url());
        client.register(SUBJECT, allocate);

        client.setCompatibility(SUBJECT, "FULL_TRANSITIVE");

        assertThat(registry.compatibility(SUBJECT)).hasValue("FULL_TRANSITIVE");
    }

    @Test
    void aRefusalCarriesTheRegistrysOwnMessage() {
        RegistryClient client = RegistryClient.connect(registry.url());
        client.register(SUBJECT, allocate);
        Schema breaking = new Schema.Parser().parse(allocate.toString().replace("\"int\"", "\"string\""));

        Throwable thrown = catchThrowable(() -> client.register(SUBJECT, breaking));

        assertThat(thrown).isInstanceOf(RegistryRefusedException.class);
        RegistryRefusedException refused = (RegistryRefusedException) thrown;
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo(409);
        assertThat(refused.registryMessage())
                .startsWith("Schema being registered is incompatible with an earlier schema for subject \"" + SUBJECT)
                .contains("TYPE_MISMATCH");
        assertThat(refused.getMessage())
                .startsWith("Registering " + SUBJECT + " under subject " + SUBJECT + ": the registry refused (HTTP 409,"
                        + " error 409): Schema being registered is incompatible");
        assertThatThrownBy(() -> client.setCompatibility(SUBJECT, "SIDEWAYS"))
                .isInstanceOf(RegistryRefusedException.class)
                .hasMessageContaining("Invalid compatibility level: SIDEWAYS");
    }

    @Test
    void sendsCredentialsFromTheUrlOrFromTheSettings() {
        registry.requireCredentials("reader", "p@ss:w+rd");
        String encoded = registry.url().replace("http://", "http://reader:p%40ss%3Aw+rd@");

        assertThat(RegistryClient.connect(encoded).schemaById(1)).isEmpty();
        assertThat(RegistryClient.connect(registry.url(), "reader", "p@ss:w+rd", null)
                        .schemaById(1))
                .isEmpty();
        assertThat(RegistryClient.connect(encoded).location()).isEqualTo(registry.url());
    }

    @Test
    void wrongCredentialsAreTransientForReaders() {
        registry.requireCredentials("reader", "secret");

        assertThatThrownBy(() -> RegistryClient.connect(registry.url(), "reader", "wrong", null)
                        .schemaById(1))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessage("Reading schema id 1: the schema registry at " + registry.url()
                        + " answered HTTP 401, error 40101: Unauthorized");
    }

    @Test
    void aRegistryThatNeverAnswersTimesOut() throws IOException {
        // A listening socket nobody accepts from: the connection succeeds, the answer never comes.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/apis/ccompat/v7";
            RegistryClient client = RegistryClient.connect(url, null, null, Duration.ofMillis(300));

            assertThatThrownBy(() -> client.schemaById(1))
                    .isInstanceOf(RegistryUnavailableException.class)
                    .hasMessage("Reading schema id 1: the schema registry at " + url + " did not answer within 300 ms");
        }
    }

    @Test
    void refusesUnusableSettingsWithoutEchoingSecrets() {
        assertThatThrownBy(() -> RegistryClient.connect("ftp://user:secret@host/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid schema registry URL 'ftp://***@host/x': expected http:// or https://")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> RegistryClient.connect("http://user:secret@:8085/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> RegistryClient.connect("http://host:8085/apis/ccompat/v7?x=1"))
                .hasMessageContaining("no query or fragment");
        assertThatThrownBy(() -> RegistryClient.connect(" ")).hasMessage("The schema registry URL is empty");
        assertThatThrownBy(() -> RegistryClient.connect("http://host", null, "secret", null))
                .hasMessageContaining("password is set without a username");
        assertThatThrownBy(() -> RegistryClient.connect("http://host", null, null, Duration.ZERO))
                .hasMessageContaining("timeout must be positive");
    }

    @Test
    void keepsTheBasePathWithoutATrailingSlash() {
        assertThat(RegistryClient.connect("https://registry.example.com:8443/apis/ccompat/v7/")
                        .location())
                .isEqualTo("https://registry.example.com:8443/apis/ccompat/v7");
    }
}
