package org.cosmicstock.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Directory trees on disk. */
final class FileTrees {

    private FileTrees() {}

    /**
     * Deletes {@code root} and everything below it, deepest first (a link itself, not what it points
     * to); nothing when it does not exist. A file already gone when its turn comes is no failure:
     * another launcher or test run of the same build may clear a shared directory (the class-data
     * cache beside a jar) at the same time.
     */
    static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
