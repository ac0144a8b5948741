package org.code.plp.bench.driver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Deserialises events the way Lambda's java21 runtime does: with Jackson, but its own copy
 * (the runtime ships a shaded one), so the function still pays for loading the application's
 * Jackson and the floor pays for the runtime's. Here the copy is the jar's Jackson classes defined
 * again in a child-first loader (annotations shared); event classes come from the application's loader.
 */
final class RuntimeJackson extends ClassLoader {
    private static final String JACKSON = "com.fasterxml.jackson.";

    private static Object mapper;

    private RuntimeJackson(ClassLoader application) {
        super("lambda-runtime", application);
    }

    static Object read(String json, Class<?> type) {
        try {
            if (mapper == null) {
                mapper = newMapper(type.getClassLoader());
            }
            Method readValue = mapper.getClass().getMethod("readValue", String.class, Class.class);
            return readValue.invoke(mapper, json, type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not read the event as " + type.getName(), e);
        }
    }

    private static Object newMapper(ClassLoader application) throws ReflectiveOperationException {
        // -Dbench.sharedJackson=true (via bench.jvmFlags): the application's Jackson reads the event instead,
        // which pre-loads it for the function; kept only to compare with harnesses that did so.
        ClassLoader loader = Boolean.getBoolean("bench.sharedJackson") ? application : new RuntimeJackson(application);
        Class<?> mapperType = loader.loadClass(JACKSON + "databind.ObjectMapper");
        Object mapper = mapperType.getConstructor().newInstance();
        Class<?> mapperFeature = loader.loadClass(JACKSON + "databind.MapperFeature");
        Class<?> deserializationFeature = loader.loadClass(JACKSON + "databind.DeserializationFeature");
        mapperType.getMethod("configure", mapperFeature, boolean.class)
                .invoke(mapper, feature(mapperFeature, "ACCEPT_CASE_INSENSITIVE_PROPERTIES"), true);
        mapperType.getMethod("configure", deserializationFeature, boolean.class)
                .invoke(mapper, feature(deserializationFeature, "FAIL_ON_UNKNOWN_PROPERTIES"), false);
        // The runtime reads Joda times itself; the one event here with one (ScheduledEvent.time) is not used.
        mapperType.getMethod("addMixIn", Class.class, Class.class).invoke(mapper, Object.class, IgnoreJodaTime.class);
        return mapper;
    }

    @JsonIgnoreProperties({"time"})
    private abstract static class IgnoreJodaTime {
    }

    /** The response as the runtime would send it back. */
    static String write(Object response) {
        try {
            return (String) mapper.getClass().getMethod("writeValueAsString", Object.class).invoke(mapper, response);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not write the response", e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object feature(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(JACKSON) || name.startsWith(JACKSON + "annotation.")) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = define(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> define(String name) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
