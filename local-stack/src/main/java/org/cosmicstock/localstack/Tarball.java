package org.cosmicstock.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/** Unpacks a .tar.gz with the system's tar, all or nothing: a half-unpacked directory is never left. */
final class Tarball {

    private Tarball() {}

    static void unpack(Path archive, Path into, String howToFetch) throws IOException, StartupException {
        if (!Files.isRegularFile(archive)) {
            throw new StartupException(archive + " is missing. Fetch it with: " + howToFetch);
        }
        Path partial = into.resolveSibling(into.getFileName() + ".unpacking");
        FileTrees.delete(partial);
        Files.createDirectories(partial);
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", partial.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(tar.getInputStream().readAllBytes());
        try {
            if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                tar.destroyForcibly();
                throw new StartupException("Could not unpack " + archive + " (is it complete? fetch it again with "
                        + howToFetch + "):\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tar.destroyForcibly();
            throw new StartupException("Interrupted while unpacking " + archive);
        }
        FileTrees.delete(into);
        Files.createDirectories(into.getParent());
        Files.move(partial, into, StandardCopyOption.ATOMIC_MOVE);
    }
}
