package org.code.plp.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.code.plp.local.TestHttp;
import org.junit.jupiter.api.Test;

/** GET /admin/interest and /admin/interest/summary. */
class InterestStaffTest {
    private final ReviewFixture fx = new ReviewFixture();

    @Test
    void theInterestListDownloadsAsCsvWithWordsAndItsFilter() {
        String region = fx.region();
        String city = fx.findRegion(region).getCity();
        TestHttp.Response created = fx.http.post("/interest", Map.of("email", "zoe@example.org", "name", "Zoë Brontë",
                "zip", "59101", "role", "media_specialist", "city", city, "state", "MT", "notes", "=HYPERLINK(\"x\")",
                "gradeLevels", List.of("K-5", "6-8")));
        assertEquals(201, created.status(), created::toString);
        TestHttp.Response csv = fx.http.get("/admin/interest.csv?region=" + region + "&parts=true", "Authorization", fx.reviewer);
        assertEquals(200, csv.status(), csv::toString);
        assertEquals("attachment; filename=\"interest.csv\"", csv.header("Content-Disposition").orElseThrow());
        assertTrue(csv.body().startsWith("\uFEFF"));
        List<List<String>> rows = CsvExportTest.parse(csv.body().substring(1));
        assertEquals(2, rows.size(), csv.body());
        List<String> header = rows.get(0);
        List<String> row = rows.get(1);
        assertEquals("Zoë Brontë", row.get(header.indexOf("Name")));
        assertEquals("Media specialist", row.get(header.indexOf("Role")));
        assertEquals("K-5; 6-8", row.get(header.indexOf("Grade levels")));
        assertEquals("'=HYPERLINK(\"x\")", row.get(header.indexOf("Notes")), "formula guard");
        assertTrue(header.contains("Submitted (UTC)"));
    }

    @Test
    void listsARegionsInterestFormsNewestFirstAcrossPagesAndCountsByCity() {
        String region = fx.region();
        String city = fx.findRegion(region).getCity();
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TestHttp.Response created = fx.http.post("/interest", Map.of("email", "teacher" + i + "@example.org",
                    "zip", "59101", "role", "teacher", "city", city, "state", "MT", "notes", "Form " + i));
            assertEquals(201, created.status(), created::toString);
            assertEquals(region, created.json().get("matchedRegionId").textValue());
            submitted.addFirst(created.json().get("id").textValue());
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            TestHttp.Response page = fx.http.get("/admin/interest?region=" + region + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), "Authorization", fx.reviewer);
            assertEquals(200, page.status(), page::toString);
            page.json().get("items").forEach(item -> seen.add(item.get("id").textValue()));
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").textValue();
        } while (cursor != null);
        assertEquals(submitted, seen);

        TestHttp.Response inState = fx.http.get("/admin/interest?state=MT&region=" + region + "&limit=100",
                "Authorization", fx.reviewer);
        assertEquals(5, inState.json().get("items").size(), inState::toString);
        JsonNode item = inState.json().get("items").get(0);
        assertEquals("teacher4@example.org", item.get("email").textValue());
        assertEquals("MT", item.get("state").textValue());

        JsonNode summary = fx.http.get("/admin/interest/summary", "Authorization", fx.reviewer).json();
        JsonNode ours = null;
        for (JsonNode row : summary.get("byCity")) {
            if (city.equals(row.get("city").textValue())) {
                ours = row;
            }
        }
        assertTrue(ours != null, summary::toString);
        assertEquals(5, ours.get("count").longValue());
        assertEquals("MT", ours.get("state").textValue());
        boolean montana = false;
        for (JsonNode row : summary.get("byState")) {
            montana |= row.get("state").textValue().equals("MT") && row.get("count").longValue() >= 5;
        }
        assertTrue(montana, summary::toString);
    }

    @Test
    void badInterestFiltersAre400NamingTheParameter() {
        TestHttp.Response state = fx.http.get("/admin/interest?state=ZZ", "Authorization", fx.reviewer);
        assertEquals(400, state.status());
        assertEquals(List.of("state"), state.errorFields());
        TestHttp.Response limit = fx.http.get("/admin/interest?limit=500", "Authorization", fx.reviewer);
        assertEquals(List.of("limit"), limit.errorFields());
        TestHttp.Response cursor = fx.http.get("/admin/interest?cursor=abc", "Authorization", fx.reviewer);
        assertEquals(List.of("cursor"), cursor.errorFields());
    }
}
