package org.code.plp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One shape per thing: answers are records, never hand-built {@code Map<String, Object>}s, and JSON
 * trees ({@code JsonNode}, {@code ObjectNode}, ...) stay in the JSON layer: http/, the codec
 * (platform/Json), the validators that read a request's tree into a record, the canonical form of a
 * request body its Idempotency-Key is checked against, the codecs of the region import files and
 * list cursors, and the subject access export of raw items.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/code/plp");
    private static final Pattern OBJECT_MAP = Pattern.compile("Map<\\s*String\\s*,\\s*Object\\s*>");
    private static final Pattern JSON_TREE = Pattern.compile("\\b(JsonNode|ObjectNode|ArrayNode|TextNode|JsonNodeFactory)\\b");
    private static final List<String> JSON_LAYER = List.of(
            "http/", "validation/", "platform/Json.java", "idempotency/",
            "pins/GeoJsonRegions.java", "pins/CsvRegions.java", "pins/RegionRow.java", "review/PageCursor.java",
            // A subject access export is every stored attribute of every item, whatever the attributes are: a codec of DynamoDB items.
            "privacy/SubjectAccess.java",
            // Lambda's stream entry reads the raw DynamoDB event (only the keys) instead of the runtime's event codec.
            "notify/NotifyHandler.java");

    @Test
    void noAnswerIsAMapOfStringToObject() throws IOException {
        // ApiEvents turns API Gateway's JSON into the event classes as Lambda's own serializer does: not an answer.
        assertEquals(List.of("http/ApiEvents.java"), filesMatching(OBJECT_MAP, false));
    }

    @Test
    void jsonTreesStayInTheJsonLayer() throws IOException {
        assertEquals(List.of(), filesMatching(JSON_TREE, true));
    }

    @Test
    void theScanSeesTheSources() throws IOException {
        // Guards the two tests above against passing on an empty or moved tree.
        assertTrue(sources().anyMatch(p -> p.endsWith("http/JsonBody.java")));
        assertTrue(sources().anyMatch(p -> JSON_TREE.matcher(read(p)).find()));
    }

    private static List<String> filesMatching(Pattern pattern, boolean exceptJsonLayer) throws IOException {
        try (Stream<Path> files = sources()) {
            return files.filter(p -> !(exceptJsonLayer && inJsonLayer(p)))
                    .filter(p -> pattern.matcher(read(p)).find())
                    .map(p -> MAIN.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }

    private static boolean inJsonLayer(Path file) {
        String relative = MAIN.relativize(file).toString().replace('\\', '/');
        return relative.endsWith("Validator.java") || JSON_LAYER.stream().anyMatch(relative::startsWith);
    }

    private static Stream<Path> sources() throws IOException {
        return Files.walk(MAIN).filter(p -> p.toString().endsWith(".java"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
