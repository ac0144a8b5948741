package org.code.plp.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.code.plp.local.TestHttp;
import org.junit.jupiter.api.Test;

/** POST /admin/applications/{id}/notes and PUT /admin/applications/{id}/scores. */
class NotesAndScoresTest {
    private final ReviewFixture fx = new ReviewFixture();

    @Test
    void notesAreTrimmedKeptInOrderAndShownWithTheirAuthor() {
        String id = fx.apply(fx.region());
        TestHttp.Response first = fx.http.post("/admin/applications/" + id + "/notes", Map.of("text", "  First call went well.  "),
                "Authorization", fx.reviewer);
        assertEquals(201, first.status(), first::toString);
        assertEquals("First call went well.", first.json().get("text").textValue());
        fx.http.post("/admin/applications/" + id + "/notes", Map.of("text", "Second:\nreferences checked."),
                "Authorization", fx.cloud.bearer("other@code.org", "admins"));
        JsonNode detail = fx.detail(id);
        assertEquals(List.of("First call went well.", "Second:\nreferences checked."), detail.get("notes").findValuesAsText("text"));
        assertEquals(List.of(ReviewFixture.REVIEWER, "other@code.org"), detail.get("notes").findValuesAsText("by"));
        assertEquals(1, detail.get("version").longValue(), "notes do not move the version a decision expects");
    }

    @Test
    void badNotesAre400AndUnknownApplications404() {
        String id = fx.apply(fx.region());
        for (Object text : List.of("   ", "x".repeat(5001), 42)) {
            TestHttp.Response bad = fx.http.post("/admin/applications/" + id + "/notes", Map.of("text", text),
                    "Authorization", fx.reviewer);
            assertEquals(400, bad.status(), bad::toString);
            assertEquals(List.of("text"), bad.errorFields());
        }
        assertEquals(404, fx.http.post("/admin/applications/nope/notes", Map.of("text", "hi"), "Authorization", fx.reviewer).status());
        assertEquals(0, fx.detail(id).get("notes").size());
    }

    @Test
    void scoresSetAndClearSingleCriteria() {
        String id = fx.apply(fx.region());
        JsonNode initial = fx.detail(id).get("scores");
        assertEquals(ReviewCriteria.ALL.size(), initial.size());
        initial.forEach(score -> assertTrue(score.isNull()));

        put(id, Map.of("fundingPlan", "yes", "pdExperience", "no"), 200);
        Map<String, Object> clear = new HashMap<>();
        clear.put("pdExperience", null);
        clear.put("servesDistrictsInRegion", "yes");
        JsonNode scores = put(id, clear, 200).get("scores");
        assertEquals("yes", scores.get("fundingPlan").textValue());
        assertTrue(scores.get("pdExperience").isNull());
        assertEquals("yes", scores.get("servesDistrictsInRegion").textValue());
        assertEquals(scores, fx.detail(id).get("scores"));
    }

    @Test
    void unknownCriteriaAndAnswersAre400NamingThem() {
        String id = fx.apply(fx.region());
        TestHttp.Response bad = fx.http.put("/admin/applications/" + id + "/scores",
                Map.of("charisma", "yes", "fundingPlan", "maybe"), "Authorization", fx.reviewer);
        assertEquals(400, bad.status());
        assertEquals(List.of("charisma", "fundingPlan"), bad.errorFields().stream().sorted().toList());
        fx.detail(id).get("scores").forEach(score -> assertTrue(score.isNull()));
        assertEquals(404, fx.http.put("/admin/applications/nope/scores", Map.of("fundingPlan", "yes"),
                "Authorization", fx.reviewer).status());
    }

    private JsonNode put(String id, Map<String, Object> scores, int status) {
        TestHttp.Response response = fx.http.put("/admin/applications/" + id + "/scores", scores, "Authorization", fx.reviewer);
        assertEquals(status, response.status(), response::toString);
        return response.json();
    }
}
