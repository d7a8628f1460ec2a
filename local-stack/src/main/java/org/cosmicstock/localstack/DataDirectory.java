package org.cosmicstock.localstack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The one directory holding the stack's data and logs, claimed by one launcher at a time. */
final class DataDirectory {
    private static final String LOCK_FILE = "launcher.lock";
    /** Everything the stack itself puts there; anything else means the directory is not ours to wipe. */
    private static final Set<String> OURS =
            Set.of("kafka", "postgres", "redis", "registry", "logs", OperatorCredentials.FILE, LOCK_FILE);

    private final Path dir;
    private final FileChannel lockChannel;

    private DataDirectory(Path dir, FileChannel lockChannel) {
        this.dir = dir;
        // Only kept: while this object is reachable the channel, and with it the lock, stays open.
        this.lockChannel = lockChannel;
    }

    /**
     * Locks the directory for this JVM's lifetime (the OS drops the lock however the JVM ends), so a
     * second launcher on the same data cannot start, and a later one knows the earlier one is gone.
     */
    static DataDirectory claim(Path dir) throws IOException, StartupException {
        Files.createDirectories(dir);
        Path lockFile = dir.resolve(LOCK_FILE);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldByThisJvm) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new StartupException(String.format(
                    "Another local stack (launcher pid %s) is running on %s.%nStop it first, or give this one"
                            + " its own directory and ports (--data-dir DIR and the port flags).",
                    Files.readString(lockFile).strip(), dir));
        }
        channel.truncate(0);
        channel.write(
                ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
        return new DataDirectory(dir, channel);
    }

    /** Empties the directory, refusing when it holds files the stack did not create (a mistyped --data-dir). */
    void wipe() throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.filter(entry -> !entry.getFileName().toString().equals(LOCK_FILE))
                    .sorted()
                    .toList();
        }
        List<String> foreign = entries.stream()
                .map(entry -> entry.getFileName().toString())
                .filter(name -> !OURS.contains(name))
                .toList();
        if (!foreign.isEmpty()) {
            throw new IOException(String.format(
                    "Refusing to wipe %s: it holds %s, which the local stack did not create.", dir, foreign));
        }
        for (Path entry : entries) {
            FileTrees.delete(entry);
        }
    }
}
