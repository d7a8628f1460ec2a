package org.cosmicstock.schemas.testing;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.registry.RegistryClient;
import org.cosmicstock.schemas.registry.SubjectNameStrategy;

/**
 * What a consuming service's contract test reads the {@link ContractFixtures} with: the codec every service
 * runs, against a registry in which each fixture's schema id stands for the writer schema it was written
 * with. A service decodes every released version of every type it consumes, in both wire formats, and maps
 * it as it would at run time.
 */
public final class ReleasedFixtures implements AutoCloseable {

    private final FakeSchemaRegistry registry;
    private final MessageCodec codec;

    private ReleasedFixtures(FakeSchemaRegistry registry) {
        this.registry = registry;
        this.codec = MessageCodec.withRegistry(RegistryClient.connect(registry.url()), SubjectNameStrategy.RECORD_NAME);
    }

    /** Starts a registry holding the writer schemas of every fixture. */
    public static ReleasedFixtures start() {
        return new ReleasedFixtures(ContractFixtures.putSchemas(FakeSchemaRegistry.start(), ContractFixtures.all()));
    }

    /** Every fixture of these types: every released version, both wire formats. */
    public static List<ContractFixture> of(List<Class<? extends SpecificRecord>> types) {
        Set<String> names = types.stream().map(Class::getName).collect(Collectors.toSet());
        List<ContractFixture> fixtures = ContractFixtures.all().stream()
                .filter(fixture -> names.contains(fixture.type()))
                .toList();
        Set<String> covered = fixtures.stream().map(ContractFixture::type).collect(Collectors.toSet());
        if (!covered.equals(names)) {
            throw new IllegalStateException("No contract fixtures for "
                    + names.stream()
                            .filter(name -> !covered.contains(name))
                            .sorted()
                            .toList());
        }
        return fixtures;
    }

    /** The fixture's bytes as the services' codec decodes them. */
    public SpecificRecord decode(ContractFixture fixture) {
        return codec.decode(fixture.payload());
    }

    @Override
    public void close() {
        registry.stop();
    }
}
