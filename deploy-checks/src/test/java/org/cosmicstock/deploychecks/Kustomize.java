package org.cosmicstock.deploychecks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders a kustomization with the real Kustomize: {@code kubectl kustomize} (kubectl ships Kustomize
 * v5), or a standalone {@code kustomize build}. No cluster is contacted. Without either tool the checks
 * fail, naming what to install: they never pass without having rendered anything.
 */
final class Kustomize {
    private static final Map<Path, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {}

    /** Every overlay under k8s/overlays (each directory with a kustomization.yaml). */
    static List<Path> overlays() {
        try (Stream<Path> dirs = Files.list(Repository.path("k8s/overlays"))) {
            List<Path> out = new ArrayList<>(dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .sorted()
                    .toList());
            if (out.isEmpty()) {
                throw new IllegalStateException("no overlay under k8s/overlays");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path overlay(String name) {
        Path dir = Repository.path("k8s/overlays/" + name);
        if (!Files.isRegularFile(dir.resolve("kustomization.yaml"))) {
            throw new IllegalArgumentException("no overlay " + dir);
        }
        return dir;
    }

    /** The objects {@code dir} renders to, parsed (a fresh copy each call: callers may change them). */
    static List<ObjectNode> render(Path dir) {
        List<ObjectNode> objects = RENDERED.computeIfAbsent(dir.toAbsolutePath().normalize(), Kustomize::run);
        return objects.stream().map(ObjectNode::deepCopy).toList();
    }

    private static List<ObjectNode> run(Path dir) {
        List<String> command = command(dir);
        try {
            Path errors = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(command)
                    .redirectError(errors.toFile()) // not a pipe: a full one would block the tool
                    .start();
            process.getOutputStream().close();
            var stdout = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + "):\n" + Files.readString(errors));
            }
            Files.deleteIfExists(errors);
            return Yaml.documents(new String(stdout, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> command(Path dir) {
        String path = dir.toAbsolutePath().normalize().toString();
        if (onPath("kubectl")) {
            return List.of("kubectl", "kustomize", path);
        }
        if (onPath("kustomize")) {
            return List.of("kustomize", "build", path);
        }
        throw new IllegalStateException("Neither kubectl nor kustomize is on the PATH: these checks render the"
                + " overlays with Kustomize v5 (kubectl 1.27+ or kustomize 5; .ci/run installs one).");
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
