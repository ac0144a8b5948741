import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The valid application that MailLatency and OutboxRecovery submit, and its POST. Not run by itself: the
 * launcher compiles it from this folder when one of them is started ({@code java infrastructure/bench/X.java}).
 */
final class BenchApplication {
    private BenchApplication() {
    }

    /** POSTs an application of {@code organization} whose program manager is {@code email}; anything but 201 stops the run. */
    static void submit(HttpClient http, String base, String organization, String email) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/applications"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(organization, email))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("POST /applications answered " + created.statusCode() + ": " + created.body());
        }
    }

    private static String body(String organization, String email) {
        return """
                {"regionId":"new-orleans-la",
                 "organization":{"name":"%s","type":"nonprofit","website":"https://example.org",
                   "address":{"street":"1 Canal St","city":"New Orleans","state":"LA","zip":"70112"},"phone":"504-555-0100"},
                 "programManager":{"firstName":"Ada","lastName":"Lovelace","title":"Director","email":"%s","phone":"504-555-0101"},
                 "programs":["csp"],"districtRelationships":"Twelve districts.","pdExperience":"Ten years.",
                 "fundingPlan":"Grants.","facilitators":"own","agreedToTerms":true}
                """.formatted(organization, email);
    }
}
