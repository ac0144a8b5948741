package org.code.plp.applicant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.code.plp.local.TestForms;
import org.code.plp.local.TestRegions;
import org.code.plp.local.TestClock;
import org.code.plp.local.TestCloud;
import org.code.plp.local.TestHttp;
import org.code.plp.platform.Platform;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** Applications, captured mail and links for the applicant tests. */
final class ApplicantFixture {
    final TestCloud cloud = TestCloud.shared();
    // Links as the email has them: on this local cloud's own site, which serves the pages they open.
    final Pattern statusLink = siteLink("/status.html#token=");
    final Pattern confirmLink = siteLink("/status.html#confirm=");
    final Pattern resumeLink = siteLink("/apply.html#resume=");
    final TestHttp http = cloud.http();
    final String reviewer = cloud.bearer("reviewer@code.org", "reviewers");

    String region() {
        String id = TestCloud.uniqueId("ap");
        return TestRegions.store(cloud.platform(), TestRegions.seeking(id, "Applicant Test " + id)).getRegionId();
    }

    private Pattern siteLink(String page) {
        return Pattern.compile(Pattern.quote(cloud.baseUri() + page) + "([A-Za-z0-9_-]{43})");
    }

    static String address() {
        return TestCloud.uniqueId("pm") + "@example.org";
    }

    static Map<String, Object> form(String regionId, String organization, String email) {
        return TestForms.application(regionId, organization, "Ada", "Lovelace", email);
    }

    String apply(Map<String, Object> form) {
        TestHttp.Response created = http.post("/applications", form, "Idempotency-Key", TestCloud.uniqueId("key"));
        assertEquals(201, created.status(), created::toString);
        return created.json().get("id").textValue();
    }

    /** Every captured email to {@code address} whose subject contains {@code subject}, waiting until there are {@code count}. */
    List<JsonNode> mail(String address, String subject, int count) {
        List<JsonNode> found = new ArrayList<>();
        TestCloud.awaitTrue(count + " email(s) '" + subject + "' to " + address, () -> {
            found.clear();
            TestHttp.Response all = http.get("/local/mail");
            all.json().forEach(m -> {
                if (address.equals(m.path("to").asText()) && m.path("subject").asText().contains(subject)) {
                    found.add(m);
                }
            });
            return found.size() >= count;
        });
        return found;
    }

    static String link(Pattern pattern, JsonNode mail) {
        Matcher m = pattern.matcher(mail.path("text").asText());
        assertTrue(m.find(), () -> "no link " + pattern + " in " + mail.path("text").asText());
        return m.group(1);
    }

    /** The status token of the confirmation email of an application sent from {@code address}. */
    String statusToken(String address) {
        return link(statusLink, mail(address, "We received your", 1).getFirst());
    }

    TestHttp.Response status(String token) {
        return http.get("/status", "Authorization", "Bearer " + token);
    }

    JsonNode detail(String id) {
        TestHttp.Response response = http.get("/admin/applications/" + id, "Authorization", reviewer);
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }

    TestHttp.Response decide(String id, String status, long expectedVersion) {
        return http.post("/admin/applications/" + id + "/decision",
                Map.of("status", status, "expectedVersion", expectedVersion, "note", "Internal: " + status),
                "Authorization", reviewer);
    }

    /** Every item of a table (tests only: a request path never scans). */
    List<Map<String, AttributeValue>> scan(String logicalId) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        cloud.dynamo().scanPaginator(ScanRequest.builder().tableName(cloud.table(logicalId)).build())
                .items().forEach(items::add);
        return items;
    }

    /** A Platform for {@code function} on this DynamoDB Local with a clock the test moves. */
    Platform platform(String function, TestClock clock) {
        Platform base = cloud.platform(function);
        return new Platform(base.env(), cloud.dynamo(), base::ses, clock);
    }
}
