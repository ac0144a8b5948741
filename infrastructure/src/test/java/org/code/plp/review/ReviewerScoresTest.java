package org.code.plp.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.code.plp.local.TestCloud;
import org.code.plp.local.TestHttp;
import org.junit.jupiter.api.Test;

/** Each reviewer's own score sheet, the application's totals, sorting by score, assignment and recusal. */
class ReviewerScoresTest {
    private final ReviewFixture fx = new ReviewFixture();
    private final String ada = fx.cloud.bearer("ada.reviewer@code.org", "reviewers");
    private final String bo = fx.cloud.bearer("bo.reviewer@code.org", "reviewers");
    private final String admin = fx.cloud.bearer("chief@code.org", "admins");

    @Test
    void twoReviewersKeepTheirOwnSheetsAndTheTotalsAddThemUp() {
        String id = fx.apply(fx.region());
        assertEquals(200, score(id, ada, Map.of("fundingPlan", "yes", "pdExperience", "yes")).status());
        assertEquals(200, score(id, bo, Map.of("fundingPlan", "no")).status());

        JsonNode asAda = detail(id, ada);
        assertEquals("yes", asAda.get("scores").get("fundingPlan").textValue(), "my own sheet, not overwritten by Bo");
        JsonNode asBo = detail(id, bo);
        assertEquals("no", asBo.get("scores").get("fundingPlan").textValue());
        assertTrue(asBo.get("scores").get("pdExperience").isNull());
        assertEquals(List.of("ada.reviewer@code.org", "bo.reviewer@code.org"), asAda.get("reviews").findValuesAsText("reviewer"));
        asAda.get("reviews").forEach(review -> assertFalse(review.get("at").textValue().isBlank()));
        JsonNode funding = asAda.get("totals").get("fundingPlan");
        assertEquals(1, funding.get("yes").longValue());
        assertEquals(2, funding.get("answered").longValue());
        assertEquals(1.0, funding.get("weight").doubleValue());
        // 2 yes of 3 answers
        assertEquals(66.7, asAda.get("overallScore").doubleValue(), 0.001);

        TestHttp.Response changed = score(id, bo, Map.of("fundingPlan", "yes"));
        assertEquals(100.0, changed.json().get("overallScore").doubleValue(), 0.001, "a reviewer may change their mind");
    }

    @Test
    void theQueueShowsTheOverallScoreAndSortsByItInsideAFilter() {
        Ranked four = rankedInANewRegion();
        scoreLowHighMiddle(four);

        JsonNode page = queue("region=" + four.region() + "&sort=score", ada);
        assertEquals(four.byScore(), ids(page));
        assertEquals(50.0, page.get("items").get(1).get("overallScore").doubleValue(), 0.001);
        assertTrue(page.get("items").get(3).get("overallScore").isNull());

        String unreviewed = "region=" + four.region() + "&status=unreviewed";
        JsonNode first = queue(unreviewed + "&sort=score&limit=2", ada);
        assertEquals(four.byScore().subList(0, 2), ids(first));
        JsonNode second = queue(unreviewed + "&sort=score&limit=2&cursor=" + first.get("nextCursor").textValue(), ada);
        assertEquals(four.byScore().subList(2, 4), ids(second));
        TestHttp.Response mismatched = fx.http.get("/admin/applications?" + unreviewed + "&limit=2&cursor="
                + first.get("nextCursor").textValue(), "Authorization", ada);
        assertEquals(400, mismatched.status(), "a score-sorted cursor is not one of the newest-first list");
        assertEquals(List.of("sort"), fx.http.get("/admin/applications?sort=name", "Authorization", ada).errorFields());
    }

    @Test
    void scoresAreFrozenByTheDecision() {
        String id = fx.apply(fx.region());
        score(id, ada, Map.of("fundingPlan", "yes"));
        long version = fx.move(id, "pending", 1);
        fx.move(id, "accepted", version);
        TestHttp.Response late = score(id, ada, Map.of("fundingPlan", "no"));
        assertEquals(409, late.status(), late::toString);
        assertEquals("yes", detail(id, ada).get("scores").get("fundingPlan").textValue());
    }

    @Test
    void aRecusedReviewerCannotScoreOrDecideAndTheRecordSaysSo() {
        String id = fx.apply(fx.region());
        score(id, ada, Map.of("fundingPlan", "yes"));
        score(id, bo, Map.of("fundingPlan", "no"));
        assertEquals(201, fx.http.post("/admin/applications/" + id + "/assignees", Map.of(), "Authorization", ada).status());
        TestHttp.Response recusal = fx.http.post("/admin/applications/" + id + "/recusal",
                Map.of("reason", "I sit on their board."), "Authorization", ada);
        assertEquals(201, recusal.status(), recusal::toString);

        TestHttp.Response scoring = score(id, ada, Map.of("fundingPlan", "yes"));
        assertEquals(403, scoring.status(), scoring::toString);
        TestHttp.Response deciding = fx.http.post("/admin/applications/" + id + "/decision",
                Map.of("status", "pending", "expectedVersion", 1), "Authorization", ada);
        assertEquals(403, deciding.status(), deciding::toString);

        JsonNode detail = detail(id, bo);
        assertEquals(1, detail.get("version").longValue(), "the recused reviewer's decision wrote nothing");
        assertEquals(List.of("ada.reviewer@code.org"), detail.get("recusals").findValuesAsText("reviewer"));
        assertEquals("I sit on their board.", detail.get("recusals").get(0).get("reason").textValue());
        assertEquals(List.of("bo.reviewer@code.org"), detail.get("reviews").findValuesAsText("reviewer"), "her sheet is withdrawn");
        assertEquals(0.0, detail.get("overallScore").doubleValue(), 0.001);
        assertEquals(0, detail.get("assignees").size(), "recusal ends her assignment");
        assertTrue(detail(id, ada).get("recused").booleanValue());
        assertEquals(409, fx.http.post("/admin/applications/" + id + "/assignees", Map.of("email", "ada.reviewer@code.org"),
                "Authorization", admin).status(), "a recused reviewer cannot be assigned again");
        assertEquals(200, fx.http.post("/admin/applications/" + id + "/decision",
                Map.of("status", "pending", "expectedVersion", 1), "Authorization", bo).status());
    }

    @Test
    void reviewersAssignThemselvesAdminsAnyoneAndTheQueueFiltersAssignedToMe() {
        String region = fx.region();
        String mine = fx.apply(region);
        String givenToMe = fx.apply(region);
        String other = fx.apply(region);
        String carlEmail = TestCloud.uniqueId("carl").toLowerCase(java.util.Locale.ROOT) + "@code.org";
        String carl = fx.cloud.bearer(carlEmail, "reviewers");
        assertEquals(201, fx.http.post("/admin/applications/" + mine + "/assignees", Map.of(), "Authorization", carl).status());
        TestHttp.Response byAdmin = fx.http.post("/admin/applications/" + givenToMe + "/assignees", Map.of("email", carlEmail),
                "Authorization", admin);
        assertEquals(201, byAdmin.status(), byAdmin::toString);
        assertEquals("chief@code.org", byAdmin.json().get("by").textValue());
        TestHttp.Response notAllowed = fx.http.post("/admin/applications/" + other + "/assignees", Map.of("email", carlEmail),
                "Authorization", ada);
        assertEquals(403, notAllowed.status(), "reviewers assign only themselves");
        assertEquals(409, fx.http.post("/admin/applications/" + mine + "/assignees", Map.of(), "Authorization", carl).status());

        assertEquals(List.of(givenToMe, mine), ids(queue("assigned=me", carl)));
        assertEquals(List.of(carlEmail), detail(mine, ada).get("assignees").findValuesAsText("assignee"));
        JsonNode paged = queue("assigned=me&limit=1", carl);
        assertEquals(List.of(givenToMe), ids(paged));
        assertEquals(List.of(mine), ids(queue("assigned=me&limit=1&cursor=" + paged.get("nextCursor").textValue(), carl)));

        assertEquals(200, fx.http.delete("/admin/applications/" + mine + "/assignees/" + carlEmail, "Authorization", carl).status());
        assertEquals(List.of(givenToMe), ids(queue("assigned=me", carl)));
    }

    @Test
    void assignedToMeSortedByScoreIsHighestFirstAndPages() {
        Ranked four = rankedInANewRegion();
        String notMine = fx.apply(four.region());
        String deeEmail = TestCloud.uniqueId("dee").toLowerCase(java.util.Locale.ROOT) + "@code.org";
        String dee = fx.cloud.bearer(deeEmail, "reviewers");
        for (String id : List.of(four.low(), four.high(), four.unscored(), four.middle())) {
            assertEquals(201, fx.http.post("/admin/applications/" + id + "/assignees", Map.of(), "Authorization", dee).status());
        }
        scoreLowHighMiddle(four);
        score(notMine, ada, Map.of("fundingPlan", "yes", "pdExperience", "yes"));

        assertEquals(four.byScore(), ids(queue("assigned=me&sort=score", dee)), "not newest assignment first");
        JsonNode first = queue("assigned=me&sort=score&limit=3", dee);
        assertEquals(four.byScore().subList(0, 3), ids(first));
        JsonNode rest = queue("assigned=me&sort=score&limit=3&cursor=" + first.get("nextCursor").textValue(), dee);
        assertEquals(List.of(four.unscored()), ids(rest));
        assertTrue(rest.path("nextCursor").isMissingNode() || rest.get("nextCursor").isNull(), rest::toString);
        TestHttp.Response otherSort = fx.http.get("/admin/applications?assigned=me&limit=3&cursor=" + first.get("nextCursor").textValue(),
                "Authorization", dee);
        assertEquals(400, otherSort.status(), "a cursor of the score order is not one of the assignment order");
        assertEquals(List.of("cursor"), otherSort.errorFields());
    }

    @Test
    void reviewersScoringAtOnceAllCountInTheTotals() throws Exception {
        String id = fx.apply(fx.region());
        List<String> reviewers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            reviewers.add(fx.cloud.bearer("r" + i + "." + TestCloud.uniqueId("c") + "@code.org", "reviewers"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(reviewers.size());
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (String reviewer : reviewers) {
                calls.add(() -> score(id, reviewer, Map.of("fundingPlan", "yes", "pdExperience", "no")).status());
            }
            for (Future<Integer> status : pool.invokeAll(calls)) {
                int code = status.get();
                assertTrue(code == 200 || code == 409, "200, or 409 after retries; got " + code);
            }
        } finally {
            pool.shutdown();
        }
        JsonNode detail = detail(id, ada);
        long sheets = detail.get("reviews").size();
        assertTrue(sheets >= 1);
        assertEquals(sheets, detail.get("totals").get("fundingPlan").get("answered").longValue(), "totals match the stored sheets");
        assertEquals(sheets, detail.get("totals").get("fundingPlan").get("yes").longValue());
    }

    /** Four applications in one region, applied for in this order; {@link #scoreLowHighMiddle} scores three of them. */
    private record Ranked(String region, String low, String high, String unscored, String middle) {
        /** Highest score first, the unscored last. */
        List<String> byScore() {
            return List.of(high, middle, low, unscored);
        }
    }

    private Ranked rankedInANewRegion() {
        String region = fx.region();
        return new Ranked(region, fx.apply(region), fx.apply(region), fx.apply(region), fx.apply(region));
    }

    /** Ada's sheets: 0 %, 100 % and 50 %. */
    private void scoreLowHighMiddle(Ranked four) {
        score(four.low(), ada, Map.of("fundingPlan", "no", "pdExperience", "no"));
        score(four.high(), ada, Map.of("fundingPlan", "yes", "pdExperience", "yes"));
        score(four.middle(), ada, Map.of("fundingPlan", "yes", "pdExperience", "no"));
    }

    /** A page of the staff queue for {@code query}, as {@code bearer} sees it. */
    private JsonNode queue(String query, String bearer) {
        return fx.http.get("/admin/applications?" + query, "Authorization", bearer).json();
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").findValuesAsText("id");
    }

    private TestHttp.Response score(String id, String bearer, Map<String, ?> answers) {
        return fx.http.put("/admin/applications/" + id + "/scores", answers, "Authorization", bearer);
    }

    private JsonNode detail(String id, String bearer) {
        TestHttp.Response response = fx.http.get("/admin/applications/" + id, "Authorization", bearer);
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }
}
