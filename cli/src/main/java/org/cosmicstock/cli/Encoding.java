package org.cosmicstock.cli;

import org.cosmicstock.schemas.codec.MessageCodec;
import org.cosmicstock.schemas.registry.RegistryClient;
import org.cosmicstock.schemas.registry.SubjectNameStrategy;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The wire format, through the suite's own codec (shared-schemas), and the registry it may need. */
final class Encoding {

    static final String SINGLE_OBJECT = "single-object";
    static final String REGISTRY = "registry";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--registry-url",
            paramLabel = "URL",
            description = "a schema registry's Confluent-compatible API, e.g."
                    + " http://127.0.0.1:8085/apis/ccompat/v7 (user:password@ allowed)")
    String registryUrl;

    @Option(
            names = "--subject-naming",
            paramLabel = "NAMING",
            defaultValue = "record",
            description = "registry subjects: record (the type's full name, default) or topic-record")
    String subjectNaming;

    /** A codec that writes {@code format} (single-object or registry) and reads both where it can. */
    MessageCodec codec(String format) {
        if (format == null) {
            format = registryUrl == null ? SINGLE_OBJECT : REGISTRY;
        }
        switch (format) {
            case SINGLE_OBJECT -> {
                return MessageCodec.create();
            }
            case REGISTRY -> {
                if (registryUrl == null || registryUrl.isBlank()) {
                    throw usage("--format registry needs --registry-url");
                }
                return MessageCodec.withRegistry(registry(), naming());
            }
            default -> throw usage("--format must be " + SINGLE_OBJECT + " or " + REGISTRY + ", not '" + format + "'");
        }
    }

    /** A codec that reads single-object encoding, and the registry format too when a registry is given. */
    MessageCodec reader() {
        return registryUrl == null ? MessageCodec.create() : MessageCodec.withRegistry(registry(), naming());
    }

    private RegistryClient registry() {
        try {
            return RegistryClient.connect(registryUrl);
        } catch (IllegalArgumentException e) {
            throw usage("--registry-url: " + e.getMessage());
        }
    }

    private SubjectNameStrategy naming() {
        try {
            return SubjectNameStrategy.parse(subjectNaming);
        } catch (IllegalArgumentException e) {
            throw usage("--subject-naming: " + e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
