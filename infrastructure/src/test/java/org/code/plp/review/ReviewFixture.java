package org.code.plp.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.code.plp.local.TestForms;
import org.code.plp.local.TestRegions;
import org.code.plp.counters.Counters;
import org.code.plp.local.TestCloud;
import org.code.plp.local.TestHttp;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionRepository;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Shared steps of the review tests on the shared local cloud. Every test makes its own region
 * (a unique id), so its queue, counters and exports hold only what it made. The console's browser
 * tests (web/) use it too.
 */
public final class ReviewFixture {
    public static final String REVIEWER = "reviewer@code.org";

    public final TestCloud cloud = TestCloud.shared();
    public final TestHttp http = cloud.http();
    final String reviewer = cloud.bearer(REVIEWER, "reviewers");

    /** A new region taking applications. */
    public String region() {
        String id = TestCloud.uniqueId("rv");
        TestRegions.store(cloud.platform(), TestRegions.seeking(id, "Review Test " + id));
        return id;
    }

    public RegionItem findRegion(String id) {
        return new RegionRepository(cloud.platform()).find(id).orElseThrow();
    }

    /** An application as the public form sends it. */
    public static Map<String, Object> form(String regionId, String organization, String firstName, String lastName) {
        return TestForms.application(regionId, organization, firstName, lastName,
                emailName(firstName) + "." + emailName(lastName) + "@example.org");
    }

    private static String emailName(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9]", "");
    }

    public String apply(String regionId) {
        return apply(form(regionId, "Crescent City STEM", "Ada", "Lovelace"));
    }

    public String apply(Map<String, Object> form) {
        TestHttp.Response created = http.post("/applications", form);
        assertEquals(201, created.status(), created::toString);
        return created.json().get("id").textValue();
    }

    public TestHttp.Response decide(String id, String status, long expectedVersion) {
        return http.post("/admin/applications/" + id + "/decision",
                Map.of("status", status, "expectedVersion", expectedVersion, "note", "Moved to " + status + "."),
                "Authorization", reviewer);
    }

    /** Decides and insists it worked; answers the new version. */
    /** An application by {@code organization} in the region, moved to pending (its version then is 2). */
    public String pending(String regionId, String organization, String lastName) {
        String id = apply(form(regionId, organization, "Ada", lastName));
        move(id, "pending", 1);
        return id;
    }

    public long move(String id, String status, long expectedVersion) {
        TestHttp.Response response = decide(id, status, expectedVersion);
        assertEquals(200, response.status(), response::toString);
        return response.json().get("version").longValue();
    }

    public JsonNode detail(String id) {
        TestHttp.Response response = http.get("/admin/applications/" + id, "Authorization", reviewer);
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }

    /** An outbox item's state ("missing" when there is none). */
    public String outboxState(String outboxId) {
        var item = cloud.dynamo().getItem(r -> r.tableName(cloud.table("OutboxTable")).consistentRead(true)
                .key(Map.of("outboxId", AttributeValue.fromS(outboxId)))).item();
        return item.containsKey("state") ? item.get("state").s() : "missing";
    }

    /** How many decision emails (anything but the submission's confirmation) went to {@code address}. */
    long decisionMailTo(String address) {
        long n = 0;
        for (JsonNode mail : http.get("/local/mail").json()) {
            n += address.equals(mail.path("to").asText()) && !mail.path("subject").asText().startsWith("We received") ? 1 : 0;
        }
        return n;
    }

    /** The region's per-status counters, as stored. */
    Map<String, Long> regionCounts(String regionId) {
        return new Counters(cloud.platform()).read(Counters.applicationsInRegion(regionId));
    }
}
