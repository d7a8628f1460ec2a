package org.cosmicstock.schemas.tools;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.cosmicstock.schemas.registry.SchemaRegistration;
import org.cosmicstock.schemas.registry.SubjectNameStrategy;

/** The command line of {@link RegisterSchemas}, with the services' environment variables as fallbacks. */
record RegisterSchemasOptions(
        String url,
        String username,
        String password,
        SubjectNameStrategy naming,
        String commandsTopic,
        String eventsTopic,
        String compatibility,
        Duration timeout,
        boolean dryRun,
        boolean help) {

    static final String USAGE = """
            Usage: RegisterSchemas --registry-url URL [options]

            Registers every released version of every message type in a schema registry with the
            Confluent-compatible API, oldest first, and sets each subject's compatibility.

              --registry-url URL       base of the Confluent-compatible API, e.g.
                                       http://127.0.0.1:8085/apis/ccompat/v7 (Apicurio); user:password@ allowed
                                       [env COSMICSTOCK_MESSAGING_SCHEMAREGISTRY_URL]
              --username USER          Basic authentication  [env COSMICSTOCK_MESSAGING_SCHEMAREGISTRY_USERNAME]
              --password PASSWORD      prefer the environment [env COSMICSTOCK_MESSAGING_SCHEMAREGISTRY_PASSWORD]
              --subject-naming NAMING  record (default: subject = the type's full name) or topic-record
                                       [env COSMICSTOCK_MESSAGING_SCHEMAREGISTRY_SUBJECTNAMING]
              --commands-topic TOPIC   for topic-record naming (default allocation.commands)
              --events-topic TOPIC     for topic-record naming (default allocation.events)
              --compatibility LEVEL    default FULL_TRANSITIVE, what the build checks; BACKWARD_TRANSITIVE at least
              --timeout DURATION       per request, e.g. 5s or 500ms (default 5s)
              --dry-run                print what would be registered, contact nothing
              --help                   this text

            Exit status: 0 done, 1 the registry refused a schema or setting (its message is printed),
            2 the registry could not be reached or gave no usable answer, 64 bad command line.
            """;

    static RegisterSchemasOptions parse(String[] args, Map<String, String> env) {
        String url = env.get("COSMICSTOCK_MESSAGING_SCHEMAREGISTRY_URL");
        String username = env.get("COSMICSTOCK_MESSAGING_SCHEMAREGISTRY_USERNAME");
        String password = env.get("COSMICSTOCK_MESSAGING_SCHEMAREGISTRY_PASSWORD");
        String naming = env.getOrDefault("COSMICSTOCK_MESSAGING_SCHEMAREGISTRY_SUBJECTNAMING", "record");
        String commands = "allocation.commands";
        String events = "allocation.events";
        String compatibility = SchemaRegistration.DEFAULT_COMPATIBILITY;
        Duration timeout = Duration.ofSeconds(5);
        boolean dryRun = false;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--help", "-h" -> {
                    return new RegisterSchemasOptions(null, null, null, null, null, null, null, null, false, true);
                }
                case "--dry-run" -> dryRun = true;
                case "--registry-url" -> url = value(args, ++i, flag);
                case "--username" -> username = value(args, ++i, flag);
                case "--password" -> password = value(args, ++i, flag);
                case "--subject-naming" -> naming = value(args, ++i, flag);
                case "--commands-topic" -> commands = value(args, ++i, flag);
                case "--events-topic" -> events = value(args, ++i, flag);
                case "--compatibility" -> compatibility = value(args, ++i, flag).toUpperCase(Locale.ROOT);
                case "--timeout" -> timeout = duration(value(args, ++i, flag));
                default -> throw new IllegalArgumentException("Unknown option '" + flag + "'");
            }
        }
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(
                    "No registry URL: pass --registry-url or set COSMICSTOCK_MESSAGING_SCHEMAREGISTRY_URL");
        }
        return new RegisterSchemasOptions(
                url,
                username,
                password,
                SubjectNameStrategy.parse(naming),
                commands,
                events,
                compatibility,
                timeout,
                dryRun,
                false);
    }

    /** The topic a type is written to, by the contract: commands on the commands topic, events on the events one. */
    String topicOf(String type) {
        if (type.startsWith("org.cosmicstock.schemas.commands.")) {
            return commandsTopic;
        }
        if (type.startsWith("org.cosmicstock.schemas.events.")) {
            return eventsTopic;
        }
        throw new IllegalStateException("No topic for " + type + ": neither a command nor an event");
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException("Option " + flag + " needs a value");
        }
        return args[index];
    }

    private static Duration duration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.parse(text.strip());
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("Bad --timeout '" + text + "': expected e.g. 5s, 500ms or PT5S");
        }
    }
}
