package org.code.plp.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * /var/task as Lambda prepares it: the deployment package (template.yaml's CodeUri, a jar) unpacked into a
 * directory, which the runtime's class loader reads. The floor handlers are added beside the functions, so
 * function and floor load from the same place.
 */
final class TaskRoot {
    private TaskRoot() {
    }

    static void unpack(Path jar, Path benchClasses, String floorPackage, Path target) throws IOException {
        unpack(jar, target);
        Path floors = benchClasses.resolve(floorPackage);
        try (var files = Files.walk(floors)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(benchClasses.relativize(file));
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }

    /** The deployment package alone, unpacked into {@code target}. */
    static void unpack(Path jar, Path target) throws IOException {
        clear(target);
        try (InputStream in = Files.newInputStream(jar); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("Entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(zip, file);
                }
            }
        }
    }

    /**
     * The same code as jars in the task root's lib/ (the runtime's class loader adds /var/task/lib/*.jar): a JDK
     * AOT cache keeps classes only from jars, never from a directory such as the one Lambda unpacks a zip into.
     */
    static void asJars(Path jar, Path benchClasses, String floorPackage, Path target) throws IOException {
        clear(target);
        Path lib = Files.createDirectories(target.resolve("lib"));
        Files.copy(jar, lib.resolve("plp-functions.jar"));
        jar(benchClasses, floorPackage, lib.resolve("bench-floors.jar"));
    }

    /** The classes of one package under {@code classes}, as a jar. */
    static void jar(Path classes, String packagePath, Path jarFile) throws IOException {
        try (var out = new JarOutputStream(Files.newOutputStream(jarFile));
             var files = Files.walk(classes.resolve(packagePath))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
    }

    private static void clear(Path target) throws IOException {
        if (Files.exists(target)) {
            try (var files = Files.walk(target)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(target);
    }
}
