package org.code.plp.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The managed runtime's own jars, taken from this module's class path (Maven resolved them): the runtime
 * interface client and what its manifest lists (aws-lambda-java-core, -serialization, the SDK's utils-lite
 * and annotations), and its JNI client library, unpacked once as Lambda keeps it under /var/runtime/lib/jni.
 */
final class RuntimeClasspath {
    private static final List<String> JARS = List.of("aws-lambda-java-runtime-interface-client", "aws-lambda-java-core",
            "aws-lambda-java-serialization", "utils-lite", "/annotations/");

    private RuntimeClasspath() {
    }

    static List<Path> jars() {
        List<Path> all = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
        List<Path> runtime = JARS.stream().map(name -> all.stream()
                .filter(p -> p.toString().replace('\\', '/').contains(name) && p.toString().endsWith(".jar"))
                .filter(p -> !name.startsWith("/") || p.toString().contains("software/amazon/awssdk"))
                .findFirst().orElseThrow(() -> new IllegalStateException("No " + name + " jar on the class path")))
                .toList();
        return runtime;
    }

    static Path jniLibrary(Path dir) throws IOException {
        String arch = System.getProperty("os.arch").contains("aarch64") ? "aarch_64" : "x86_64";
        String name = "libaws-lambda-jni.linux-" + arch + ".so";
        Path library = dir.resolve(name);
        try (JarFile jar = new JarFile(jars().get(0).toFile());
             InputStream in = jar.getInputStream(jar.getEntry("jni/" + name))) {
            Files.createDirectories(dir);
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
        }
        return library;
    }
}
