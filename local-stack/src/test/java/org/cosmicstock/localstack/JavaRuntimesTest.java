package org.cosmicstock.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimesTest {
    @TempDir
    Path dir;

    @Test
    void theFirstHomeNewEnoughWinsAndOlderOnesAreSkipped() throws Exception {
        Path jdk17 = fakeJdk("jdk-17", "17.0.15");
        Path jdk21 = fakeJdk("jdk-21", "21.0.4");
        Path jdk25 = fakeJdk("jdk-25", "25.0.3");

        assertThat(JavaRuntimes.find(21, List.of(jdk17, jdk21, jdk25))).contains(jdk21);
        assertThat(JavaRuntimes.find(22, List.of(jdk17, jdk21, jdk25))).contains(jdk25);
        assertThat(JavaRuntimes.find(26, List.of(jdk17, jdk21, jdk25))).isEmpty();
    }

    @Test
    void aHomeWithoutAJavaOrAReleaseFileIsNotAJdk() throws Exception {
        Path noJava = Files.createDirectories(dir.resolve("no-java"));
        Files.writeString(noJava.resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
        Path noRelease = fakeJdk("no-release", "25");
        Files.delete(noRelease.resolve("release"));

        assertThat(JavaRuntimes.find(21, List.of(noJava, noRelease))).isEmpty();
    }

    @Test
    void javaHomeComesFirstThenThisJvmThenTheSystemsNewestFirst() throws Exception {
        Path jvms = Files.createDirectories(dir.resolve("jvm"));
        Path older = fakeJdk("jvm/java-21-openjdk", "21.0.2");
        Path newer = fakeJdk("jvm/temurin-25-jdk", "25.0.3");
        Path home = fakeJdk("home", "22");

        assertThat(JavaRuntimes.candidates(Optional.of(home.toString()), jvms))
                .containsExactly(home, Path.of(System.getProperty("java.home")), newer, older);
    }

    @Test
    void theMessageSaysWhatWasFoundAndHowToGetOne() {
        assertThat(JavaRuntimes.howToGet(21, "Apicurio Registry"))
                .contains("Apicurio Registry needs Java 21 or newer")
                .contains("the launcher's own Java is " + Runtime.version().feature())
                .contains("JAVA_HOME");
    }

    private Path fakeJdk(String name, String version) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
