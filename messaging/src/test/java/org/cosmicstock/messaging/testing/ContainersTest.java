package org.cosmicstock.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.cosmicstock.messaging.testing.Containers.Decision;
import org.junit.jupiter.api.Test;

/**
 * The choice between containers and the embedded parts, on a machine described by a fake probe: the
 * development machine has no Docker engine, so the container branches are only reachable this way.
 */
class ContainersTest {

    /** A machine: a Docker endpoint or none, Testcontainers on the classpath or not, Docker answering or not. */
    private static Containers.Probe machine(String endpoint, boolean testcontainers, boolean docker) {
        return new Containers.Probe(() -> endpoint, () -> testcontainers, () -> docker);
    }

    private static final Containers.Probe WITH_DOCKER = machine("unix:///var/run/docker.sock", true, true);
    private static final Containers.Probe WITHOUT_DOCKER = machine(null, true, false);

    /** Fails the test if the decision looks at the machine at all. */
    private static final Containers.Probe UNTOUCHED = new Containers.Probe(
            () -> {
                throw new AssertionError("never must not look for Docker");
            },
            () -> {
                throw new AssertionError("never must not look for Testcontainers");
            },
            () -> {
                throw new AssertionError("never must not ask Docker");
            });

    @Test
    void autoPicksContainersWhereDockerAnswersAndTestcontainersIsThere() {
        assertThat(reasonForContainers("auto", WITH_DOCKER))
                .isEqualTo("cosmicstock.test.containers=auto: Docker engine at unix:///var/run/docker.sock");
    }

    @Test
    void autoKeepsTheEmbeddedPartsWithoutDocker() {
        assertThat(reasonForEmbedded("auto", WITHOUT_DOCKER))
                .isEqualTo("cosmicstock.test.containers=auto: no Docker engine reachable");
    }

    @Test
    void autoKeepsTheEmbeddedPartsWhenTheModuleLacksTestcontainers() {
        assertThat(reasonForEmbedded("auto", machine("tcp://127.0.0.1:2375", false, true)))
                .contains("Testcontainers is not on this module's test classpath");
    }

    @Test
    void autoKeepsTheEmbeddedPartsWhenTheSocketIsNotDocker() {
        assertThat(reasonForEmbedded("auto", machine("tcp://127.0.0.1:2375", true, false)))
                .contains("answers, but not as Docker");
    }

    @Test
    void alwaysUsesContainersWhereDockerAnswers() {
        assertThat(reasonForContainers("always", WITH_DOCKER)).startsWith("cosmicstock.test.containers=always");
    }

    @Test
    void alwaysFailsWithoutDockerNamingTheSetting() {
        assertThatThrownBy(() -> Containers.evaluate("always", WITHOUT_DOCKER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cosmicstock.test.containers=always, but no Docker engine is reachable")
                .hasMessageContaining("to auto or never");
    }

    @Test
    void alwaysFailsWhenTheModuleLacksTestcontainers() {
        assertThatThrownBy(() -> Containers.evaluate("always", machine("tcp://127.0.0.1:2375", false, true)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cosmicstock.test.containers=always")
                .hasMessageContaining("org.testcontainers:testcontainers-kafka");
    }

    @Test
    void alwaysFailsWhenTheSocketIsNotDocker() {
        assertThatThrownBy(() -> Containers.evaluate("always", machine("tcp://127.0.0.1:2375", true, false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cosmicstock.test.containers=always, but tcp://127.0.0.1:2375 answers");
    }

    @Test
    void neverKeepsTheEmbeddedPartsWithoutLookingForDocker() {
        Decision decision = Containers.evaluate("never", UNTOUCHED);

        assertThat(decision).isEqualTo(new Decision(false, "cosmicstock.test.containers=never"));
    }

    @Test
    void theSettingIgnoresCaseAndSpaces() {
        assertThat(Containers.evaluate(" ALWAYS ", WITH_DOCKER).useContainers()).isTrue();
        assertThat(Containers.evaluate("Never", UNTOUCHED).useContainers()).isFalse();
    }

    @Test
    void anUnknownSettingIsRefused() {
        assertThatThrownBy(() -> Containers.evaluate("sometimes", WITH_DOCKER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cosmicstock.test.containers (or COSMICSTOCK_TEST_CONTAINERS) must be auto, always or"
                        + " never, got 'sometimes'");
    }

    /** Evaluates {@code setting} on {@code machine}, which must choose containers, and gives the reason. */
    private static String reasonForContainers(String setting, Containers.Probe machine) {
        Decision decision = Containers.evaluate(setting, machine);
        assertThat(decision.useContainers()).as(decision.reason()).isTrue();
        return decision.reason();
    }

    /** Evaluates {@code setting} on {@code machine}, which must keep the embedded parts, and gives the reason. */
    private static String reasonForEmbedded(String setting, Containers.Probe machine) {
        Decision decision = Containers.evaluate(setting, machine);
        assertThat(decision.useContainers()).as(decision.reason()).isFalse();
        return decision.reason();
    }

    /** The real machine, where it has no Docker engine (as the development machine): always must refuse. */
    @Test
    void alwaysFailsOnThisMachineWhenItHasNoDocker() {
        assumeTrue(Containers.MACHINE.dockerEndpoint().get() == null, "a Docker endpoint answers on this machine");

        assertThatThrownBy(() -> Containers.evaluate("always", Containers.MACHINE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cosmicstock.test.containers=always, but no Docker engine is reachable");
        assertThat(Containers.evaluate("auto", Containers.MACHINE).useContainers())
                .isFalse();
    }
}
