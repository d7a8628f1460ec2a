package org.cosmicstock.schemas.tools;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.cosmicstock.schemas.codec.ReleasedSchemas;
import org.cosmicstock.schemas.registry.RegisteredSchema;
import org.cosmicstock.schemas.registry.RegistryClient;
import org.cosmicstock.schemas.registry.RegistryRefusedException;
import org.cosmicstock.schemas.registry.RegistryUnavailableException;
import org.cosmicstock.schemas.registry.SchemaRegistration;

/**
 * Registers every released version of every message type in a schema registry, oldest first, and sets each
 * subject's compatibility: the delivery step that makes the registry hold the same history the build checks,
 * so that an incompatible schema is refused before any service runs it. Safe to run again.
 *
 * <pre>
 * java -cp 'shared-schemas/target/shared-schemas-&lt;version&gt;.jar:shared-schemas/target/lib/*' \
 *     org.cosmicstock.schemas.tools.RegisterSchemas --registry-url http://127.0.0.1:8085/apis/ccompat/v7
 * </pre>
 */
public final class RegisterSchemas {

    public static final int DONE = 0;
    public static final int REFUSED = 1;
    public static final int UNAVAILABLE = 2;
    public static final int USAGE = 64;

    private RegisterSchemas() {}

    public static void main(String[] args) {
        // Avro logs through SLF4J and this tool has no binding: no logging, and no warnings about it either.
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** The whole command, for callers in the same JVM (tests, the local stack): returns the exit status. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        RegisterSchemasOptions options;
        try {
            options = RegisterSchemasOptions.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println();
            err.print(RegisterSchemasOptions.USAGE);
            return USAGE;
        }
        if (options.help()) {
            out.print(RegisterSchemasOptions.USAGE);
            return DONE;
        }
        RegistryClient registry;
        try {
            registry = RegistryClient.connect(options.url(), options.username(), options.password(), options.timeout());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return USAGE;
        }
        try {
            register(options, registry, out);
            return DONE;
        } catch (RegistryRefusedException e) {
            err.println("REFUSED: " + e.getMessage());
            return REFUSED;
        } catch (RegistryUnavailableException e) {
            err.println("FAILED: " + e.getMessage());
            return UNAVAILABLE;
        }
    }

    private static void register(RegisterSchemasOptions options, RegistryClient registry, PrintStream out) {
        Map<String, List<Schema>> released = ReleasedSchemas.load().all();
        out.println((options.dryRun() ? "Would register " : "Registering ") + "the released schemas of "
                + released.size() + " message types in " + registry.location() + " (subject naming "
                + options.naming().configValue() + ", compatibility " + options.compatibility() + ")");
        SchemaRegistration registration = new SchemaRegistration(registry, options.compatibility());
        int registeredNow = 0;
        int already = 0;
        for (Map.Entry<String, List<Schema>> type : released.entrySet()) {
            String subject = options.naming().subject(options.topicOf(type.getKey()), type.getKey());
            if (options.dryRun()) {
                out.println("  " + type.getKey() + " v1..v" + type.getValue().size() + " under subject " + subject);
                continue;
            }
            for (RegisteredSchema version : registration.register(subject, type.getValue())) {
                out.println("  " + version.describe());
                if (version.registeredNow()) {
                    registeredNow++;
                } else {
                    already++;
                }
            }
            out.println("  " + subject + ": compatibility " + options.compatibility());
        }
        if (!options.dryRun()) {
            out.println("Done: " + released.size() + " subjects, " + registeredNow + " versions registered now, "
                    + already + " already there.");
        }
    }
}
