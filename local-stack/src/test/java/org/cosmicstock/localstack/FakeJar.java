package org.cosmicstock.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes an executable jar holding one self-contained test class, where a service's jar would be. */
final class FakeJar {

    private FakeJar() {}

    static Path write(Path jar, Class<?> mainClass) throws IOException {
        return write(jar, mainClass, Map.of());
    }

    /** With more manifest attributes, e.g. Spring-Boot-Version to look like a Spring Boot jar. */
    static Path write(Path jar, Class<?> mainClass, Map<String, String> attributes) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
        attributes.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
        String entry = mainClass.getName().replace('.', '/') + ".class";
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream classFile = mainClass.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    /** Fake jars for all three services in {@code repoRoot}, where {@link ServiceSpec#jar} looks. */
    static void forEveryService(Path repoRoot, StackConfig config) throws IOException {
        for (ServiceSpec service : config.services()) {
            write(service.jar(repoRoot), FakeService.class);
        }
    }
}
