package org.cosmicstock.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main source file of the repository grows past {@value #MAX_LINES} lines (issue 23): a class that long does
 * several things, and is split into classes that each do one. Every module's {@code src/main/java} is read
 * ({@code <module>/src/main/java/**.java}); generated sources, under {@code target/}, are not.
 */
class MainSourcesStaySmallTest {
    static final int MAX_LINES = 250;

    @Test
    void noMainSourceFileIsLongerThanTheLimit() throws IOException {
        Path root = Repository.root();
        List<Path> sourceRoots;
        try (Stream<Path> modules = Files.list(root)) {
            sourceRoots = modules.map(module -> module.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .toList();
        }
        assertThat(sourceRoots).as("modules with main sources under %s", root).isNotEmpty();
        Map<String, Integer> tooLong = new TreeMap<>();
        for (Path sources : sourceRoots) {
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                    int lines = lineCount(file);
                    if (lines > MAX_LINES) {
                        tooLong.put(root.relativize(file).toString().replace('\\', '/'), lines);
                    }
                });
            }
        }
        assertThat(tooLong)
                .as(
                        "main source files over %d lines (file=lines): split each into classes that each do one thing",
                        MAX_LINES)
                .isEmpty();
    }

    private static int lineCount(Path file) {
        try {
            return Files.readAllLines(file).size();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
