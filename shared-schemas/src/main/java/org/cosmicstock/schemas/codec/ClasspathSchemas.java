package org.cosmicstock.schemas.codec;

import static org.cosmicstock.schemas.codec.ReleasedSchemas.CURRENT_DIRECTORY;
import static org.cosmicstock.schemas.codec.ReleasedSchemas.DIRECTORY;
import static org.cosmicstock.schemas.codec.ReleasedSchemas.WRITE_VERSIONS;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The schema files {@link ReleasedSchemas} reads from the classpath: the released versions under {@link
 * ReleasedSchemas#DIRECTORY} (listed, or named by an index), the current schemas under {@link
 * ReleasedSchemas#CURRENT_DIRECTORY}, and {@link ReleasedSchemas#WRITE_VERSIONS}.
 */
final class ClasspathSchemas {

    private static final Pattern INDEX_LINE = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)/v([1-9][0-9]*)\\.avsc");

    private ClasspathSchemas() {}

    /** Every released version, type full name to versions, oldest first. */
    static Map<String, List<Schema>> released() {
        return read(DIRECTORY, releasedFiles());
    }

    /** Every current schema, one per type. */
    static List<Schema> currentSchemas() {
        List<String> files = listed(ClasspathSchemas.class.getClassLoader(), CURRENT_DIRECTORY);
        if (files.isEmpty()) {
            throw new IllegalStateException("No current schema under " + CURRENT_DIRECTORY
                    + ": shared-schemas' build copies src/main/avro there");
        }
        // Who writes a type and who acts on it is the contract's current state, no part of its version.
        return files.stream()
                .map(file -> SchemaRoles.withoutRoles(parse(CURRENT_DIRECTORY + file)))
                .toList();
    }

    /** The released versions {@code index} names, one {@code <FullName>/v<N>.avsc} a line. */
    static Map<String, List<Schema>> readIndex(String index) {
        return read(index, lines(index));
    }

    /** What {@link ReleasedSchemas#WRITE_VERSIONS} declares, as written: type full name to version. */
    static Properties writeVersions() {
        Properties declared = new Properties();
        try (InputStream in = open(WRITE_VERSIONS);
                InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            declared.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + WRITE_VERSIONS, e);
        }
        return declared;
    }

    /**
     * The versions in {@code files} ({@code <FullName>/v<N>.avsc} under {@link ReleasedSchemas#DIRECTORY}), read
     * from {@code source}.
     */
    private static Map<String, List<Schema>> read(String source, List<String> files) {
        Map<String, TreeMap<Integer, Schema>> found = new TreeMap<>();
        for (String line : files) {
            Matcher matcher = INDEX_LINE.matcher(line);
            if (!matcher.matches()) {
                throw new IllegalStateException(
                        "Bad released schema path in " + source + ": '" + line + "' (expected <FullName>/v<N>.avsc)");
            }
            TreeMap<Integer, Schema> byVersion = found.computeIfAbsent(matcher.group(1), type -> new TreeMap<>());
            if (byVersion.put(Integer.valueOf(matcher.group(2)), parse(DIRECTORY + line)) != null) {
                throw new IllegalStateException("Listed twice in " + source + ": " + line);
            }
        }
        Map<String, List<Schema>> versions = new TreeMap<>();
        found.forEach((type, byVersion) -> {
            // Versions are numbered 1..N: a gap means a lost version or a typo in the index.
            if (byVersion.lastKey() != byVersion.size()) {
                throw new IllegalStateException(
                        "Released versions of " + type + " are not v1..vN: " + byVersion.keySet());
            }
            versions.put(type, new ArrayList<>(byVersion.values()));
        });
        return versions;
    }

    /**
     * Every {@code .avsc} file under {@link ReleasedSchemas#DIRECTORY}, relative to it: the directory, or the jar,
     * that holds {@link ReleasedSchemas#WRITE_VERSIONS} is listed.
     */
    static List<String> releasedFiles() {
        return releasedFiles(ClasspathSchemas.class.getClassLoader());
    }

    static List<String> releasedFiles(ClassLoader classLoader) {
        return listed(classLoader, DIRECTORY);
    }

    /**
     * Every {@code .avsc} file under {@code directory} (a classpath directory ending in {@code /}), relative to it,
     * in the directory or the jar that holds {@link ReleasedSchemas#WRITE_VERSIONS}.
     */
    private static List<String> listed(ClassLoader classLoader, String directory) {
        URL anchor = classLoader.getResource(WRITE_VERSIONS);
        if (anchor == null) {
            throw new IllegalStateException("Missing released schema resource " + WRITE_VERSIONS);
        }
        try {
            List<String> files =
                    "file".equals(anchor.getProtocol()) ? inDirectory(anchor, directory) : inJar(anchor, directory);
            return files.stream()
                    .filter(file -> file.endsWith(".avsc"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory + " beside " + anchor, e);
        }
    }

    private static List<String> inDirectory(URL anchor, String resources) throws IOException {
        Path root;
        try {
            root = Path.of(anchor.toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        // Up from the anchor to the root of the classpath entry, then down to the directory listed.
        for (int segments = WRITE_VERSIONS.split("/").length; segments > 0; segments--) {
            root = root.getParent();
        }
        Path directory = root.resolve(resources);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> directory.relativize(file).toString().replace('\\', '/'))
                    .toList();
        }
    }

    private static List<String> inJar(URL anchor, String directory) throws IOException {
        URLConnection connection = anchor.openConnection();
        if (!(connection instanceof JarURLConnection jar)) {
            throw new IOException("Neither a directory nor a jar: " + anchor);
        }
        // Without caches the jar is opened for us alone, and closing it cannot close the class loader's copy.
        jar.setUseCaches(false);
        JarFile file = jar.getJarFile();
        try {
            return file.stream()
                    .map(JarEntry::getName)
                    .filter(name -> name.startsWith(directory) && !name.endsWith("/"))
                    .map(name -> name.substring(directory.length()))
                    .toList();
        } finally {
            if (!jar.getUseCaches()) {
                file.close();
            }
        }
    }

    private static List<String> lines(String resource) {
        try (InputStream in = open(resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static Schema parse(String resource) {
        // One parser per file: versions of the same type share a full name and would clash in one parser.
        try (InputStream in = open(resource)) {
            return new Schema.Parser().parse(in);
        } catch (SchemaParseException e) {
            throw new IllegalStateException("Invalid released schema " + resource + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = ClasspathSchemas.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing released schema resource " + resource);
        }
        return in;
    }
}
