package org.code.plp.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class QueueFilterTest {
    @Test
    void picksTheIndexThatServesTheFilters() {
        assertSelection(Map.of(), "bySubmitted", "kind", "application");
        assertSelection(Map.of("region", "none"), "byRegion", "regionKey", "none");
        assertSelection(Map.of("region", "new-orleans-la"), "byRegion", "regionKey", "new-orleans-la");
        assertSelection(Map.of("status", "pending"), "byStatus", "status", "pending");
        assertSelection(Map.of("status", "pending", "region", "none"), "byRegionStatus", "regionStatus", "none#pending");
    }

    @Test
    void searchesLowerCaseTextAsAFilterOnTheChosenIndex() {
        QueueFilter filter = QueueFilter.from(request(Map.of("q", "  Crescent CITY ", "status", "pending")));
        assertEquals("crescent city", filter.q());
        assertEquals("byStatus", filter.selection().index());
        assertEquals(AttributeValue.fromS("crescent city"), filter.selection().filter().values().get(":q"));
        assertNull(QueueFilter.from(request(Map.of())).selection().filter());
    }

    @Test
    void limitDefaultsTo50AndMustBe1To100() {
        assertEquals(50, QueueFilter.from(request(Map.of())).limit());
        assertEquals(100, QueueFilter.from(request(Map.of("limit", "100"))).limit());
        for (String bad : List.of("0", "101", "ten", "-1", "1.5")) {
            assertEquals(List.of("limit"), badFields(Map.of("limit", bad)));
        }
    }

    @Test
    void namesEveryBadParameter() {
        assertEquals(List.of("status", "region", "q"),
                badFields(Map.of("status", "approved", "region", "New Orleans", "q", "x".repeat(101))));
    }

    @Test
    void aCursorWorksOnlyForTheFiltersAndIndexItWasMadeFor() {
        QueueFilter filter = QueueFilter.from(request(Map.of("status", "pending")));
        var selection = filter.selection();
        Set<String> keys = Set.of("id", "status", "submittedAt");
        Map<String, AttributeValue> last = Map.of("id", AttributeValue.fromS("a1"), "status", AttributeValue.fromS("pending"),
                "submittedAt", AttributeValue.fromS("2026-11-23T10:00:00Z"));
        String cursor = PageCursor.encode(filter.cursorFilters(), last);
        assertEquals(last, PageCursor.decode(cursor, filter.cursorFilters(), keys, "status", "pending"));

        QueueFilter other = QueueFilter.from(request(Map.of("status", "interview")));
        assertCursorRefused(() -> PageCursor.decode(cursor, other.cursorFilters(), keys, "status", "interview"));
        assertCursorRefused(() -> PageCursor.decode("not-a-cursor!", filter.cursorFilters(), keys, "status", "pending"));
        assertCursorRefused(() -> PageCursor.decode(cursor.substring(0, cursor.length() - 4), filter.cursorFilters(), keys,
                "status", "pending"));
        String forged = PageCursor.encode(filter.cursorFilters(), Map.of("id", AttributeValue.fromS("a1"),
                "status", AttributeValue.fromS("accepted"), "submittedAt", AttributeValue.fromS("x")));
        assertCursorRefused(() -> PageCursor.decode(forged, filter.cursorFilters(), keys, "status", "pending"));
        String wrongShape = PageCursor.encode(filter.cursorFilters(), Map.of("id", AttributeValue.fromS("a1")));
        assertCursorRefused(() -> PageCursor.decode(wrongShape, filter.cursorFilters(), keys, "status", "pending"));
        assertEquals("byStatus", selection.index());
    }

    private static void assertCursorRefused(org.junit.jupiter.api.function.Executable decode) {
        Problem problem = assertThrows(Problem.class, decode);
        assertEquals(400, problem.status());
        assertEquals("cursor", problem.errors().getFirst().field());
    }

    private static void assertSelection(Map<String, String> query, String index, String attribute, String value) {
        var selection = QueueFilter.from(request(query)).selection();
        assertEquals(index, selection.index());
        assertEquals(attribute, selection.partitionAttribute());
        assertEquals(value, selection.partitionValue());
    }

    private static List<String> badFields(Map<String, String> query) {
        Problem problem = assertThrows(Problem.class, () -> QueueFilter.from(request(query)));
        assertEquals(400, problem.status());
        return problem.errors().stream().map(FieldError::field).toList();
    }

    static ApiRequest request(Map<String, String> query) {
        return new ApiRequest(new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/admin/applications")
                .withQueryStringParameters(new HashMap<>(query)));
    }
}
