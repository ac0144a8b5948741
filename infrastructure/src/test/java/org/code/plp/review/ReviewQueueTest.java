package org.code.plp.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.code.plp.local.TestHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /admin/applications: filters, paging with cursors, counts, bad parameters. */
class ReviewQueueTest {
    private static final ReviewFixture FX = new ReviewFixture();
    private static String region;
    /** Newest first, as the queue lists them. */
    private static final List<String> ALL = new ArrayList<>();
    private static final Set<String> PENDING = new HashSet<>();
    private static final Set<String> ZEPHYR = new HashSet<>();

    @BeforeAll
    static void applications() {
        region = FX.region();
        for (int i = 0; i < 23; i++) {
            boolean zephyr = i % 3 == 0;
            String id = FX.apply(ReviewFixture.form(region, (zephyr ? "Zephyr Learning " : "Bayou STEM ") + i,
                    "Grace" + i, "Hopper"));
            ALL.addFirst(id);
            if (zephyr) {
                ZEPHYR.add(id);
            }
            if (i % 4 == 0) {
                FX.move(id, "pending", 1);
                PENDING.add(id);
            }
        }
    }

    @Test
    void pagesThroughARegionNewestFirstWithNoItemLostOrRepeated() {
        List<String> seen = pages("region=" + region, 5);
        assertEquals(ALL, seen);
    }

    @Test
    void pagesThroughStatusAndRegionTogether() {
        List<String> seen = pages("region=" + region + "&status=pending", 2);
        assertEquals(PENDING, Set.copyOf(seen));
        assertEquals(PENDING.size(), seen.size());
        assertEquals(ALL.stream().filter(PENDING::contains).toList(), seen);
    }

    @Test
    void searchesOrganizationAndContactCaseInsensitivelyAcrossPages() {
        List<String> byOrganization = pages("region=" + region + "&q=" + enc("ZEPHYR learning"), 3);
        assertEquals(ALL.stream().filter(ZEPHYR::contains).toList(), byOrganization);
        List<String> byContact = pages("region=" + region + "&q=grace12", 10);
        assertEquals(1, byContact.size());
        assertEquals(List.of(), pages("region=" + region + "&q=nobody-by-this-name", 10));
    }

    @Test
    void countsComeFromTheCountersOfTheRegion() {
        JsonNode page = list("region=" + region + "&limit=1");
        assertEquals(ALL.size() - PENDING.size(), page.get("counts").get("unreviewed").longValue());
        assertEquals(PENDING.size(), page.get("counts").get("pending").longValue());
        assertEquals(0, page.get("counts").get("accepted").longValue());
        assertEquals(7, page.get("counts").size());
        assertEquals(1, page.get("items").size());
        JsonNode item = page.get("items").get(0);
        assertEquals(ALL.getFirst(), item.get("id").textValue());
        assertEquals(region, item.get("regionId").textValue());
        assertTrue(item.has("organizationName") && item.has("contactName") && item.has("submittedAt") && item.has("version"));
    }

    @Test
    void theFirstPageOfEverythingIsNewestFirstAndHoldsAtMostTheLimit() {
        JsonNode page = list("limit=100");
        assertTrue(page.get("items").size() <= 100);
        List<String> submitted = page.get("items").findValuesAsText("submittedAt");
        List<String> sorted = new ArrayList<>(submitted);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, submitted);
        assertTrue(list("").get("items").size() <= 50, "the default limit is 50");
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        assertEquals(List.of("status"), bad("status=approved"));
        assertEquals(List.of("region"), bad("region=" + enc("New Orleans")));
        assertEquals(List.of("limit"), bad("limit=0"));
        assertEquals(List.of("limit"), bad("limit=101"));
        assertEquals(List.of("limit"), bad("limit=lots"));
        assertEquals(List.of("cursor"), bad("cursor=garbage"));
    }

    @Test
    void aCursorIsRefusedForOtherFiltersOrWhenEdited() {
        JsonNode first = list("region=" + region + "&limit=2");
        String cursor = first.get("nextCursor").textValue();
        assertEquals(List.of("cursor"), bad("region=" + region + "&status=pending&limit=2&cursor=" + cursor));
        assertEquals(List.of("cursor"), bad("limit=2&cursor=" + cursor));
        String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(
                json.replace(region, "another-region").getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("cursor"), bad("region=" + region + "&limit=2&cursor=" + edited));
        assertEquals(2, list("region=" + region + "&limit=2&cursor=" + cursor).get("items").size());
    }

    private static List<String> pages(String query, int limit) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = list(query + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
            assertTrue(page.get("items").size() <= limit);
            page.get("items").forEach(item -> seen.add(item.get("id").textValue()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").textValue();
            assertTrue(++pages < 100, "paging ends");
        } while (cursor != null);
        return seen;
    }

    private static JsonNode list(String query) {
        TestHttp.Response response = FX.http.get("/admin/applications?" + query, "Authorization", FX.reviewer);
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }

    private static List<String> bad(String query) {
        TestHttp.Response response = FX.http.get("/admin/applications?" + query, "Authorization", FX.reviewer);
        assertEquals(400, response.status(), response::toString);
        assertTrue(response.contentType().startsWith("application/problem+json"));
        return response.errorFields();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
