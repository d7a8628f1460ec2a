package org.cosmicstock.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The local overlay's operator-run Kafka and PostgreSQL are what the services are configured to use:
 * every topic they name exists as a KafkaTopic with the configured partitions (and allocation.events
 * kept forever), each service's Kafka credentials come from its own KafkaUser whose ACLs reach only its
 * topics and group, and each service's database and user exist in the CloudNativePG Cluster.
 */
class PlatformOperatorsMatchTheServicesTest {

    private static final Egress LOCAL = new Egress(Kustomize.render(Kustomize.overlay("local")));

    private static JsonNode config(String prefix) {
        return LOCAL.of("ConfigMap").stream()
                .filter(c -> c.at("/metadata/name").asText().startsWith(prefix))
                .findFirst()
                .orElseThrow()
                .path("data");
    }

    private static Set<String> configuredTopics() {
        JsonNode messaging = config("cosmic-stock-messaging-");
        String commands =
                messaging.path("COSMICSTOCK_MESSAGING_TOPICS_COMMANDS").asText();
        String events = messaging.path("COSMICSTOCK_MESSAGING_TOPICS_EVENTS").asText();
        return Set.of(commands, events, commands + ".DLT", events + ".DLT");
    }

    @Test
    void everyTopicTheServicesUseIsAKafkaTopicWithTheConfiguredPartitions() {
        JsonNode messaging = config("cosmic-stock-messaging-");
        assertThat(messaging.path("COSMICSTOCK_MESSAGING_TOPICS_CREATE").asText())
                .isEqualTo("false");
        int partitions =
                messaging.path("COSMICSTOCK_MESSAGING_TOPICS_PARTITIONS").asInt();
        String events = messaging.path("COSMICSTOCK_MESSAGING_TOPICS_EVENTS").asText();

        Set<String> declared = new HashSet<>();
        for (ObjectNode topic : LOCAL.of("KafkaTopic")) {
            JsonNode spec = topic.path("spec");
            String name =
                    spec.path("topicName").asText(topic.at("/metadata/name").asText());
            declared.add(name);
            assertThat(spec.path("partitions").asInt())
                    .as("partitions of %s", name)
                    .isEqualTo(partitions);
            assertThat(spec.at("/config/min.insync.replicas").asInt())
                    .as("min.insync.replicas of %s", name)
                    .isBetween(1, spec.path("replicas").asInt());
            if (name.equals(events)) {
                assertThat(spec.at("/config/retention.ms").asLong())
                        .as("retention of %s", name)
                        .isEqualTo(-1L);
            }
        }
        assertThat(declared).containsExactlyInAnyOrderElementsOf(configuredTopics());
    }

    @Test
    void eachServiceUsesItsOwnKafkaUserWhoseAclsStayWithinItsTopicsAndGroup() {
        Set<String> topics = configuredTopics();
        List<String> users = new ArrayList<>();
        for (ObjectNode deployment : LOCAL.of("Deployment")) {
            String service = deployment.at("/metadata/name").asText();
            String secret = null;
            for (JsonNode env : deployment.at("/spec/template/spec/containers/0/env")) {
                if (env.path("name").asText().equals("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")) {
                    secret = env.at("/valueFrom/secretKeyRef/name").asText();
                }
            }
            assertThat(secret).as("%s's SASL credentials", service).isNotNull();
            String user = secret;
            ObjectNode kafkaUser = LOCAL.of("KafkaUser").stream()
                    .filter(u -> u.at("/metadata/name").asText().equals(user))
                    .findFirst()
                    .orElseThrow(
                            () -> new AssertionError(service + " reads Secret " + user + ": no KafkaUser makes it"));
            users.add(user);
            assertThat(kafkaUser.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
            for (JsonNode acl : kafkaUser.at("/spec/authorization/acls")) {
                JsonNode resource = acl.path("resource");
                String type = resource.path("type").asText();
                String name = resource.path("name").asText();
                if (type.equals("topic")) {
                    assertThat(topics).as("%s's ACL on topic", user).contains(name);
                    assertThat(resource.path("patternType").asText("literal")).isEqualTo("literal");
                } else {
                    assertThat(type).as("%s's ACL resource type", user).isEqualTo("group");
                    assertThat(name).as("%s's group", user).isEqualTo(service);
                }
                assertThat(acl.path("operations"))
                        .as("%s's operations", user)
                        .noneSatisfy(op -> assertThat(op.asText()).isIn("All", "Create", "Delete", "Alter"));
            }
        }
        assertThat(users).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void eachServicesDatabaseAndUserExistInThePostgresCluster() {
        ObjectNode cluster = LOCAL.of("Cluster").get(0);
        String clusterName = cluster.at("/metadata/name").asText();
        for (String service : List.of("allocation-service", "orders-service")) {
            JsonNode config = config(service + "-config-");
            URI url = URI.create(config.path("SPRING_DATASOURCE_URL").asText().substring("jdbc:".length()));
            String database = url.getPath().substring(1);
            String user = config.path("SPRING_DATASOURCE_USERNAME").asText();

            assertThat(url.getHost()).as("%s connects to the primary", service).isEqualTo(clusterName + "-rw");
            boolean initdb = cluster.at("/spec/bootstrap/initdb/database")
                            .asText()
                            .equals(database)
                    && cluster.at("/spec/bootstrap/initdb/owner").asText().equals(user);
            boolean declared = LOCAL.of("Database").stream()
                    .anyMatch(d -> d.at("/spec/name").asText().equals(database)
                            && d.at("/spec/owner").asText().equals(user)
                            && d.at("/spec/cluster/name").asText().equals(clusterName));
            assertThat(initdb || declared)
                    .as("%s's database %s owned by %s", service, database, user)
                    .isTrue();
            String passwordSecret = service + "-db";
            boolean role = cluster.at("/spec/bootstrap/initdb/owner").asText().equals(user)
                            && cluster.at("/spec/bootstrap/initdb/secret/name")
                                    .asText()
                                    .equals(passwordSecret)
                    || java.util.stream.StreamSupport.stream(
                                    cluster.at("/spec/managed/roles").spliterator(), false)
                            .anyMatch(r -> r.path("name").asText().equals(user)
                                    && r.path("login").asBoolean()
                                    && r.at("/passwordSecret/name").asText().equals(passwordSecret));
            assertThat(role)
                    .as("%s's role %s with its password from %s", service, user, passwordSecret)
                    .isTrue();
        }
    }
}
