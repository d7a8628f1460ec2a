package org.cosmicstock.deploychecks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Paths into the repository these checks read (the module runs with its own directory as cwd). */
final class Repository {
    private Repository() {}

    static Path root() {
        Path dir = Paths.get("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("k8s/overlays")) && Files.isDirectory(p.resolve("ops/prometheus"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (k8s/overlays and ops/prometheus) above " + dir);
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }
}
