package org.code.plp.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.code.plp.applicant.AccessTokens;

/**
 * Hostile requests at the review console's staff routes (decision, undo, preview, close-out, scores,
 * assignees, recusal, notes) and the applicant's own routes (/status/*, /drafts), each invalid by
 * construction: a valid body with one field made hostile, garbage, a hostile path segment or query, or a
 * bad token (a draft keeps unfinished answers as typed, so its hostile bodies break its shape, not its text). Used by {@code HostileStaffAndApplicantInputTest} (a fixed seed) and {@link HostileInputBenchmark}.
 * What they aim at is made by {@link #prepare}: a region, an unreviewed application for the staff routes
 * (which none of these requests may change), another with a status link, and a draft with a resume link.
 *
 * @param staff the staff member ("Bearer ...", reviewer and admin) the staff routes are sent as
 * @param applicationId the application the staff routes aim at
 * @param regionId the region the close-out aims at
 * @param statusToken the other application's status link token
 * @param resumeToken the draft's resume link token
 */
public record HostileRoutes(String staff, String applicationId, String regionId, String statusToken, String resumeToken) {
    /** Text that is invalid wherever it goes, even in an optional paragraph (where blanks and new lines are fine). */
    public static final String[] NEVER_VALID = {
        "Ada\u202Eecalevol", "Ada\uFDD0", "Ada\uFFFE", "Ada\u0000", "Ada\u001B[31m", "Ada\uFFFD", "x".repeat(5_001),
    };
    private static final Object[] NOT_AN_EMAIL = {
        "not-an-email", "x".repeat(300) + "@example.org", "a@b\nBcc: c@example.org", "Ada\u202E@example.org", 5, true,
    };
    private static final String[] BAD_PATH_EMAIL = {
        "x".repeat(1_500) + "%40example.org", "not-an-email", "%E2%80%AE%40example.org", "%00", "a%40b%40c", "%FF%FE%40x.org",
    };
    private static final String[] BAD_SEGMENT = {"x".repeat(300), "..%2F..%2Fetc%2Fpasswd", "%00", "%E2%80%AE", "%F0%9F%98%80"};
    private static final Object[] BAD_VERSION = {"1", -1, 0, 1.5, true, "x".repeat(100)};

    /** One request: what it tries, method, path, body (String, byte[] or JSON), header pairs. */
    public record Request(String kind, String method, String path, Object body, String... headers) {
        @Override
        public String toString() {
            String shown = String.valueOf(body instanceof byte[] bytes ? bytes.length + " bytes" : body);
            return kind + ": " + method + " " + abbreviate(path) + " " + abbreviate(shown);
        }

        private static String abbreviate(String text) {
            return text.length() <= 200 ? text : text.substring(0, 200) + "...";
        }
    }

    /** Makes what the requests aim at, on the shared local cloud. */
    public static HostileRoutes prepare(TestCloud cloud) {
        TestHttp http = cloud.http();
        String region = TestRegions.store(cloud.platform(), TestRegions.seeking(TestCloud.uniqueId("hostile"), "Hostile Test"))
                .getRegionId();
        String target = created(http.post("/applications", TestForms.application(region, "Hostile Target Org", "Ada", "Target",
                TestCloud.uniqueId("target") + "@example.org")), "id");
        String applicant = created(http.post("/applications", TestForms.application(region, "Hostile Applicant Org", "Ada",
                "Applicant", TestCloud.uniqueId("applicant") + "@example.org")), "id");
        String draft = created(http.post("/drafts", Map.of("email", TestCloud.uniqueId("draft") + "@example.org",
                "form", Map.of("fundingPlan", "Grants."))), "draftId");
        AccessTokens tokens = new AccessTokens(cloud.platform());
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        return new HostileRoutes(cloud.bearer("hostile.staff@code.org", "reviewers", "admins"), target, region,
                tokens.mint(new AccessTokens.Grant(AccessTokens.Purpose.STATUS, applicant, null, tomorrow)),
                tokens.mint(new AccessTokens.Grant(AccessTokens.Purpose.RESUME, draft, null, tomorrow)));
    }

    private static String created(TestHttp.Response response, String field) {
        assertEquals(201, response.status(), response::toString);
        return response.json().get(field).textValue();
    }

    public Request next(Random random) {
        return random.nextInt(3) < 2 ? staffRequest(random) : applicantRequest(random);
    }

    private Request staffRequest(Random random) {
        String application = random.nextInt(8) == 0 ? pick(random, BAD_SEGMENT) : applicationId;
        String base = "/admin/applications/" + application;
        String auth = staff;
        return switch (random.nextInt(10)) {
            case 0 -> new Request("decision", "POST", base + "/decision",
                    mutate(random, Map.of("status", "pending", "expectedVersion", 1), Map.of(
                            "status", new Object[] {"hired", 5, "", "ACCEPTED", List.of("pending")},
                            "expectedVersion", BAD_VERSION,
                            "note", NEVER_VALID,
                            "coPartner", new Object[] {"yes", 1, true})), "Authorization", auth);
            case 1 -> new Request("undo", "POST", base + "/undo",
                    mutate(random, Map.of("expectedVersion", 1), Map.of("expectedVersion", BAD_VERSION)), "Authorization", auth);
            case 2 -> new Request("preview", "GET", base + "/decision-preview?status="
                    + encode(pick(random, new String[] {"hired", "\u202E", "x".repeat(300), "", "\u0000", "ACCEPTED"})), null,
                    "Authorization", auth);
            case 3 -> new Request("close-out", "POST", "/admin/regions/" + (random.nextInt(4) == 0 ? pick(random, BAD_SEGMENT) : regionId)
                    + "/close-out", mutate(random, Map.of("status", "declined"), Map.of(
                            "status", new Object[] {"accepted", "x", 5, ""},
                            "note", NEVER_VALID)), "Authorization", auth);
            case 4 -> new Request("scores", "PUT", base + "/scores", pick(random, new Object[] {
                Map.of("fundingPlan", "maybe"), Map.of("noSuchCriterion", "yes"), Map.of("fundingPlan", 5),
                Map.of("fundingPlan", Map.of("nested", List.of(1))), "[]", "\"yes\"",
            }), "Authorization", auth);
            case 5 -> new Request("assign", "POST", base + "/assignees", random.nextInt(4) == 0
                    ? Map.of("email", "a@example.org", "unknown", 1) : Map.of("email", pick(random, NOT_AN_EMAIL)), "Authorization", auth);
            case 6 -> new Request("unassign", "DELETE", base + "/assignees/" + pick(random, BAD_PATH_EMAIL), null, "Authorization", auth);
            case 7 -> new Request("recusal", "POST", base + "/recusal", pick(random, new Object[] {
                Map.of("reason", pick(random, NEVER_VALID)), Map.of("reason", 5), Map.of("why", "conflict"), "[1]",
            }), "Authorization", auth);
            case 8 -> new Request("notes", "POST", base + "/notes", pick(random, new Object[] {
                Map.of("text", pick(random, NEVER_VALID)), Map.of("text", "\u00A0\u3000"), Map.of("text", 5), Map.of(), Map.of("text", "ok", "x", 1),
            }), "Authorization", auth);
            default -> new Request("staff garbage", pick(random, new String[] {"POST", "PUT"}),
                    base + pick(random, new String[] {"/decision", "/undo", "/scores", "/assignees", "/recusal", "/notes"}),
                    garbage(random), "Authorization", auth);
        };
    }

    private Request applicantRequest(Random random) {
        String status = "Bearer " + statusToken;
        String resume = "Bearer " + resumeToken;
        return switch (random.nextInt(8)) {
            case 0 -> new Request("status token", "GET", "/status", null, "Authorization", pick(random, new String[] {
                "Bearer " + "x".repeat(43), "Bearer " + "%".repeat(43), "Basic abc", "Bearer " + "a".repeat(5_000), "Bearer",
            }));
            case 1 -> new Request("withdraw", "POST", "/status/withdraw", pick(random, new Object[] {
                Map.of(), Map.of("confirm", "yes"), Map.of("confirm", 1), Map.of("confirm", true, "unknown", 1), garbage(random),
            }), "Authorization", status);
            case 2 -> new Request("contact", "PUT", "/status/contact", mutate(random, Map.of("firstName", "Ada", "lastName", "Lovelace",
                    "phone", "504-555-0100", "email", "ada.hostile@example.org"), Map.of(
                            "firstName", NEVER_VALID,
                            "lastName", new Object[] {"", 5, "\u00A0"},
                            "phone", new Object[] {"12", "x".repeat(40), 5045550100L},
                            "email", NOT_AN_EMAIL)), "Authorization", status);
            case 3 -> new Request("email confirmation", "POST", "/status/email-confirmation", pick(random, new Object[] {
                Map.of("token", 5), Map.of("token", ""), Map.of("token", "x".repeat(5_000)), Map.of("token", "a", "x", 1), garbage(random),
            }));
            case 4 -> new Request("status link", "POST", "/status/link", random.nextBoolean()
                    ? Map.of("email", pick(random, NOT_AN_EMAIL)) : pick(random, new Object[] {Map.of(), garbage(random), "[]"}));
            case 5 -> new Request("new draft", "POST", "/drafts", pick(random, new Object[] {
                Map.of("email", pick(random, NOT_AN_EMAIL), "form", Map.of()), Map.of("email", "a@example.org", "form", 5),
                Map.of("email", "a@example.org", "form", List.of(1)),
                Map.of("email", "a@example.org", "form", Map.of(), "x", 1), garbage(random),
            }));
            case 6 -> new Request("draft", pick(random, new String[] {"GET", "DELETE", "PUT"}), "/drafts",
                    null, "Authorization", pick(random, new String[] {"Bearer " + "y".repeat(43), "Bearer", "Bearer " + "%".repeat(43)}));
            default -> new Request("draft save", "PUT", "/drafts", pick(random, new Object[] {
                Map.of("form", 5), Map.of("form", List.of(1)), Map.of("form", Map.of(), "x", 1),
                garbage(random),
            }), "Authorization", resume);
        };
    }

    /** The valid body with one of its fields (or an unknown one) made hostile. */
    private static Map<String, Object> mutate(Random random, Map<String, Object> valid, Map<String, Object[]> hostile) {
        Map<String, Object> body = new HashMap<>(valid);
        List<String> fields = List.copyOf(hostile.keySet());
        int choice = random.nextInt(fields.size() + 1);
        if (choice == fields.size()) {
            body.put("unknown" + random.nextInt(3), true);
        } else {
            String field = fields.get(choice);
            body.put(field, pick(random, hostile.get(field)));
        }
        return body;
    }

    private static byte[] garbage(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "{\"a\":".repeat(1_000).getBytes(StandardCharsets.UTF_8);
            case 1 -> new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            case 2 -> "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8);
            default -> {
                byte[] bytes = new byte[1 + random.nextInt(200)];
                random.nextBytes(bytes);
                yield bytes;
            }
        };
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static <T> T pick(Random random, T[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
