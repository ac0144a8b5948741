package org.code.plp.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.code.plp.local.TestCloud;
import org.code.plp.local.TestHttp;
import org.junit.jupiter.api.Test;

/** Search folds accents and case; possible duplicates are flagged, linked and dismissable. */
class DuplicatesAndSearchTest {
    private final ReviewFixture fx = new ReviewFixture();

    @Test
    void searchFindsAccentedNamesWithoutAccentsAndTheOtherWayRound() {
        String region = fx.region();
        String zoe = fx.apply(form(region, "Zoë's Académie " + TestCloud.uniqueId("o"), "Zoë", "Brontë"));
        for (String q : List.of("zoe", "ZOË", "academie", "Académie", "bronte")) {
            JsonNode page = fx.http.get("/admin/applications?region=" + region + "&q=" + java.net.URLEncoder.encode(q,
                    java.nio.charset.StandardCharsets.UTF_8), "Authorization", fx.reviewer).json();
            assertEquals(List.of(zoe), page.get("items").findValuesAsText("id"), "q=" + q);
        }
    }

    @Test
    void sameOrganizationInTheSameRegionOrSameEmailIsAPossibleDuplicate() {
        String region = fx.region();
        String otherRegion = fx.region();
        String org = "Bayou Learning " + TestCloud.uniqueId("o");
        String first = fx.apply(form(region, org + ", Inc.", "Ada", "One"));
        String sameOrg = fx.apply(form(region, org.toUpperCase() + " inc", "Bea", "Two"));
        String elsewhere = fx.apply(form(otherRegion, org + " Inc", "Cy", "Three"));
        Map<String, Object> sameEmailForm = form(otherRegion, "Something Else " + TestCloud.uniqueId("o"), "Ada", "One");
        String unique = TestCloud.uniqueId("mail").toLowerCase() + "@example.org";
        sameEmailForm.put("programManager", Map.of("firstName", "Dee", "lastName", "Four", "email", unique, "phone", "504-555-0101"));
        String byEmail = fx.apply(sameEmailForm);
        Map<String, Object> sameEmailAgain = form(region, "Yet Another " + TestCloud.uniqueId("o"), "Dee", "Four");
        sameEmailAgain.put("programManager", Map.of("firstName", "Dee", "lastName", "Four", "email", unique.toUpperCase(),
                "phone", "504-555-0101"));
        String byEmailAgain = fx.apply(sameEmailAgain);

        Map<String, Boolean> flags = flags(region);
        assertTrue(flags.get(first));
        assertTrue(flags.get(sameOrg));
        assertTrue(flags.get(byEmailAgain));
        Map<String, Boolean> elsewhereFlags = flags(otherRegion);
        assertFalse(elsewhereFlags.get(elsewhere), "the same name in another region is another organization");
        assertTrue(elsewhereFlags.get(byEmail));

        JsonNode detail = fx.detail(first);
        assertTrue(detail.get("possibleDuplicate").booleanValue());
        assertEquals(List.of(sameOrg), detail.get("duplicates").findValuesAsText("id"));
        assertEquals("organization", detail.get("duplicates").get(0).get("sameAs").get(0).textValue());
        assertEquals(List.of(byEmail), fx.detail(byEmailAgain).get("duplicates").findValuesAsText("id"));
        assertEquals("email", fx.detail(byEmailAgain).get("duplicates").get(0).get("sameAs").get(0).textValue());
    }

    @Test
    void staffDismissTheFlag() {
        String region = fx.region();
        String org = "Twin Org " + TestCloud.uniqueId("o");
        String a = fx.apply(form(region, org, "Ada", "One"));
        String b = fx.apply(form(region, org, "Bea", "Two"));
        TestHttp.Response dismissed = fx.http.post("/admin/applications/" + a + "/duplicate-dismissal", Map.of(),
                "Authorization", fx.reviewer);
        assertEquals(200, dismissed.status(), dismissed::toString);
        Map<String, Boolean> flags = flags(region);
        assertFalse(flags.get(a));
        assertTrue(flags.get(b), "dismissed on one application only");
        JsonNode detail = fx.detail(a);
        assertFalse(detail.get("possibleDuplicate").booleanValue());
        assertEquals(ReviewFixture.REVIEWER, detail.get("duplicateDismissed").get("by").textValue());
        assertEquals(List.of(b), detail.get("duplicates").findValuesAsText("id"), "still linked");
        assertEquals(404, fx.http.post("/admin/applications/nope/duplicate-dismissal", Map.of(), "Authorization", fx.reviewer).status());
    }

    /** A form whose contact email is used by no other test. */
    private static Map<String, Object> form(String region, String organization, String first, String last) {
        Map<String, Object> form = ReviewFixture.form(region, organization, first, last);
        form.put("programManager", Map.of("firstName", first, "lastName", last,
                "email", TestCloud.uniqueId("c") + "@example.org", "phone", "504-555-0101"));
        return form;
    }

    private Map<String, Boolean> flags(String region) {
        JsonNode items = fx.http.get("/admin/applications?region=" + region, "Authorization", fx.reviewer).json().get("items");
        return StreamSupport.stream(items.spliterator(), false).collect(java.util.stream.Collectors.toMap(
                item -> item.get("id").textValue(), item -> item.get("possibleDuplicate").booleanValue()));
    }
}
