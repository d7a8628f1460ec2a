package org.cosmicstock.schemas.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.cosmicstock.schemas.codec.ReleasedSchemas;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.testing.FakeSchemaRegistry;
import org.cosmicstock.schemas.testing.TestSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegisterSchemasTest {

    private static final String ALLOCATE = "org.cosmicstock.schemas.commands.Allocate";

    @RegisterExtension
    final FakeSchemaRegistry registry = FakeSchemaRegistry.start();

    private final ReleasedSchemas released = ReleasedSchemas.load();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void registersEveryReleasedVersionOfEveryTypeInOrderWithFullTransitiveCompatibility() {
        int status = run("--registry-url", registry.url());

        assertThat(status).as(text(err)).isEqualTo(RegisterSchemas.DONE);
        released.all().forEach((type, versions) -> {
            assertThat(registry.versions(type)).as(type).isEqualTo(versions);
            assertThat(registry.compatibility(type)).as(type).hasValue("FULL_TRANSITIVE");
        });
        int versions = released.all().values().stream().mapToInt(List::size).sum();
        assertThat(text(out))
                .startsWith("Registering the released schemas of "
                        + released.typeNames().size()
                        + " message types in " + registry.url() + " (subject naming record, compatibility"
                        + " FULL_TRANSITIVE)")
                .contains("  " + ALLOCATE + " v1: registered, id ")
                .contains("  " + ALLOCATE + ": compatibility FULL_TRANSITIVE")
                .endsWith("Done: " + released.typeNames().size() + " subjects, " + versions
                        + " versions registered now, 0 already there.\n");
    }

    @Test
    void runningAgainRegistersNothingNew() {
        run("--registry-url", registry.url());
        int requestsBefore = registry.requestCount();
        out.reset();

        assertThat(run("--registry-url", registry.url())).isEqualTo(RegisterSchemas.DONE);

        assertThat(text(out)).contains(ALLOCATE + " v1: already registered").contains("0 versions registered now");
        assertThat(registry.requests().subList(requestsBefore, registry.requestCount()))
                .noneSatisfy(request -> assertThat(request).endsWith("/versions"));
    }

    @Test
    void namesSubjectsByTopicAndTypeWhenAsked() {
        assertThat(run(
                        "--registry-url",
                        registry.url(),
                        "--subject-naming",
                        "topic-record",
                        "--commands-topic",
                        "procurement.commands"))
                .isEqualTo(RegisterSchemas.DONE);

        assertThat(registry.versions("procurement.commands-" + ALLOCATE)).hasSize(1);
        assertThat(registry.versions("allocation.events-org.cosmicstock.schemas.events.Allocated"))
                .hasSize(ReleasedSchemas.load()
                        .versionsOf("org.cosmicstock.schemas.events.Allocated")
                        .size());
        assertThat(registry.versions(ALLOCATE)).isEmpty();
    }

    @Test
    void aRefusalPrintsTheRegistrysMessageAndFails() {
        Schema conflicting =
                TestSchemas.withFieldType(Allocate.getClassSchema(), "qty", Schema.create(Schema.Type.STRING));
        registry.add(ALLOCATE, conflicting);

        int status = run("--registry-url", registry.url());

        assertThat(status).isEqualTo(RegisterSchemas.REFUSED);
        assertThat(text(err))
                .startsWith("REFUSED: Registering " + ALLOCATE + " under subject " + ALLOCATE
                        + ": the registry refused (HTTP 409, error 409): Schema being registered is incompatible with"
                        + " an earlier schema for subject \"" + ALLOCATE + "\"")
                .contains("TYPE_MISMATCH");
    }

    @Test
    void anUnreachableRegistryFailsWithItsOwnStatus() {
        registry.stop();

        assertThat(run("--registry-url", registry.url(), "--timeout", "500ms")).isEqualTo(RegisterSchemas.UNAVAILABLE);
        assertThat(text(err)).startsWith("FAILED: Looking up ").contains("is unreachable");
    }

    @Test
    void readsTheUrlAndCredentialsFromTheEnvironment() {
        registry.requireCredentials("ci", "s3cret");
        Map<String, String> env = Map.of(
                "COSMICSTOCK_MESSAGING_SCHEMAREGISTRY_URL", registry.url(),
                "COSMICSTOCK_MESSAGING_SCHEMAREGISTRY_USERNAME", "ci",
                "COSMICSTOCK_MESSAGING_SCHEMAREGISTRY_PASSWORD", "s3cret");

        int status = RegisterSchemas.run(new String[0], env, print(out), print(err));

        assertThat(status).as(text(err)).isEqualTo(RegisterSchemas.DONE);
        assertThat(text(out)).doesNotContain("s3cret");
    }

    @Test
    void aDryRunContactsNothing() {
        assertThat(run("--registry-url", registry.url(), "--dry-run")).isEqualTo(RegisterSchemas.DONE);

        assertThat(registry.requestCount()).isZero();
        assertThat(text(out)).startsWith("Would register").contains(ALLOCATE + " v1..v1 under subject " + ALLOCATE);
    }

    @Test
    void aBadCommandLineShowsTheUsage() {
        assertThat(run()).isEqualTo(RegisterSchemas.USAGE);
        assertThat(text(err)).startsWith("No registry URL: pass --registry-url").contains("Usage: RegisterSchemas");
        err.reset();

        assertThat(run("--registry-url", registry.url(), "--subject-naming", "topic"))
                .isEqualTo(RegisterSchemas.USAGE);
        assertThat(text(err)).startsWith("Unknown subject naming 'topic'");
        err.reset();

        assertThat(run("--registry-url", "localhost:8085")).isEqualTo(RegisterSchemas.USAGE);
        assertThat(text(err)).startsWith("Invalid schema registry URL 'localhost:8085'");
        assertThat(run("--help")).isEqualTo(RegisterSchemas.DONE);
        assertThat(registry.requestCount()).isZero();
    }

    private int run(String... args) {
        return RegisterSchemas.run(args, Map.of(), print(out), print(err));
    }

    private static PrintStream print(ByteArrayOutputStream target) {
        return new PrintStream(target, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
