package org.code.plp.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.code.plp.local.TestHttp;
import org.code.plp.platform.Env;
import org.code.plp.platform.Json;
import org.code.plp.platform.Platform;
import org.junit.jupiter.api.Test;

/** GET /admin/applications.csv and /admin/cohort.csv. */
class CsvExportTest {
    private final ReviewFixture fx = new ReviewFixture();

    /** Small enough that a dozen applications need several parts; large enough for the header and a row. */
    private static final int PART_BYTES = 2_500;
    private static final List<String> HEADER = ApplicationExport.header(java.time.ZoneOffset.UTC);

    @Test
    void exportsTheFilteredQueueAsRfc4180WithFormulasNeutralised() {
        String region = fx.region();
        Map<String, Object> tricky = ReviewFixture.form(region, "=cmd|' /C calc'!A0", "Smith, Jr.", "O\"Brien");
        tricky.put("districtRelationships", "Line one,\nline two \"quoted\"\r\nline three");
        tricky.put("fundingPlan", "@SUM(1+1)");
        String trickyId = fx.apply(tricky);
        String plainId = fx.apply(ReviewFixture.form(region, "Plain Org", "Ada", "Lovelace"));
        fx.move(plainId, "pending", 1);

        TestHttp.Response response = fx.http.get("/admin/applications.csv?region=" + region, "Authorization", fx.reviewer);
        assertEquals(200, response.status(), response::toString);
        assertEquals("text/csv; charset=utf-8", response.contentType());
        assertEquals("attachment; filename=\"applications.csv\"", response.header("Content-Disposition").orElseThrow());
        String csv = response.body();
        assertTrue(csv.startsWith(CsvExporter.BOM), "UTF-8 with a byte order mark, for spreadsheet programs");
        assertTrue(csv.endsWith("\r\n"));
        List<List<String>> rows = parse(csv.substring(1));
        assertEquals(3, rows.size(), csv);
        List<String> header = rows.get(0);
        assertEquals(ApplicationExport.header(java.time.ZoneOffset.UTC), header);
        assertTrue(header.contains("Submitted (UTC)"), "times in a stated zone");
        List<String> trickyRow = rows.stream().filter(r -> r.get(0).equals(trickyId)).findFirst().orElseThrow();
        assertEquals("'=cmd|' /C calc'!A0", trickyRow.get(header.indexOf("Organization")));
        assertEquals("Smith, Jr. O\"Brien", trickyRow.get(header.indexOf("Program manager")));
        assertEquals("Line one,\nline two \"quoted\"\r\nline three", trickyRow.get(header.indexOf("District relationships")));
        assertEquals("'@SUM(1+1)", trickyRow.get(header.indexOf("Funding plan")));
        assertEquals("Nonprofit", trickyRow.get(header.indexOf("Organization type")));
        assertEquals("CS Principles", trickyRow.get(header.indexOf("Programs")));
        // Raw text: the quoted cells as RFC 4180 writes them.
        assertTrue(csv.contains(",\"Smith, Jr. O\"\"Brien\","), csv);
        assertTrue(csv.contains("\"Line one,\nline two \"\"quoted\"\"\r\nline three\""), csv);

        TestHttp.Response pending = fx.http.get("/admin/applications.csv?region=" + region + "&status=pending",
                "Authorization", fx.reviewer);
        List<List<String>> pendingRows = parse(pending.body().substring(1));
        assertEquals(2, pendingRows.size());
        assertEquals(plainId, pendingRows.get(1).get(0));
        List<String> plainRow = pendingRows.get(1);
        assertEquals("Pending", plainRow.get(header.indexOf("Status")));
        assertTrue(plainRow.get(header.indexOf("Decision history (UTC)")).matches(
                "(?s)\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d Unreviewed by applicant\n.* Pending by reviewer@code.org \\(internal note: Moved to pending.\\)"),
                plainRow.get(header.indexOf("Decision history (UTC)")));
        TestHttp.Response searched = fx.http.get("/admin/applications.csv?region=" + region + "&q=plain", "Authorization", fx.reviewer);
        assertEquals(List.of(plainId), parse(searched.body().substring(1)).stream().skip(1).map(r -> r.get(0)).toList(),
                "the export follows the search too");
        TestHttp.Response chicago = fx.http.get("/admin/applications.csv?region=" + region + "&tz=America/Chicago",
                "Authorization", fx.reviewer);
        assertTrue(parse(chicago.body().substring(1)).get(0).contains("Submitted (America/Chicago)"));
        assertEquals(List.of("tz"), fx.http.get("/admin/applications.csv?tz=Mars/Olympus", "Authorization", fx.reviewer).errorFields());
        assertEquals(400, fx.http.get("/admin/applications.csv?status=nope", "Authorization", fx.reviewer).status());
    }

    @Test
    void everyReviewersScoresNotesAssignmentsAndHistoryAreColumns() {
        String region = fx.region();
        String id = fx.apply(region);
        String ada = fx.cloud.bearer("ada.csv@code.org", "reviewers");
        String bo = fx.cloud.bearer("bo.csv@code.org", "reviewers");
        fx.http.put("/admin/applications/" + id + "/scores", Map.of("fundingPlan", "yes", "pdExperience", "no"), "Authorization", ada);
        fx.http.put("/admin/applications/" + id + "/scores", Map.of("fundingPlan", "yes"), "Authorization", bo);
        fx.http.post("/admin/applications/" + id + "/notes", Map.of("text", "Called, sounds good."), "Authorization", ada);
        fx.http.post("/admin/applications/" + id + "/assignees", Map.of(), "Authorization", bo);
        List<List<String>> rows = parse(fx.http.get("/admin/applications.csv?region=" + region, "Authorization", fx.reviewer)
                .body().substring(1));
        List<String> header = rows.get(0);
        List<String> row = rows.get(1);
        assertEquals("66.7", row.get(header.indexOf("Overall score (%)")));
        assertEquals("2 of 2", row.get(header.indexOf("Funding plan (yes of answered)")));
        assertEquals("0 of 1", row.get(header.indexOf("PD experience (yes of answered)")));
        String sheets = row.get(header.indexOf("Reviewer scores"));
        assertTrue(sheets.matches("(?s)ada\\.csv@code\\.org \\(.+\\): PD experience: no, Funding plan: yes\n"
                + "bo\\.csv@code\\.org \\(.+\\): Funding plan: yes|bo.*\nada.*"), sheets);
        assertEquals("bo.csv@code.org", row.get(header.indexOf("Assigned to")));
        assertTrue(row.get(header.indexOf("Notes (UTC)")).endsWith(" ada.csv@code.org: Called, sounds good."));
    }

    @Test
    void theCohortIsEveryAcceptedApplication() {
        String region = fx.region();
        String accepted = fx.apply(region);
        fx.move(accepted, "pending", 1);
        fx.move(accepted, "accepted", 2);
        String declined = fx.apply(fx.region());
        fx.move(declined, "declined", 1);

        TestHttp.Response response = fx.http.get("/admin/cohort.csv", "Authorization", fx.reviewer);
        assertEquals(200, response.status());
        assertEquals("attachment; filename=\"cohort.csv\"", response.header("Content-Disposition").orElseThrow());
        List<List<String>> rows = parse(response.body().substring(1));
        List<String> ids = rows.stream().skip(1).map(r -> r.get(0)).toList();
        assertTrue(ids.contains(accepted));
        assertTrue(!ids.contains(declined));
        int status = rows.get(0).indexOf("Status");
        assertTrue(rows.stream().skip(1).allMatch(r -> r.get(status).equals("Accepted")));
    }

    @Test
    void anExportPastTheCapIsA413ProblemNotAHalfFile() {
        String region = fx.region();
        for (int i = 0; i < 8; i++) {
            fx.apply(region);
        }
        var handler = new ReadApplicationsHandler(fx.cloud.platform("ReadApplicationsFunction"), PART_BYTES);
        var response = get(handler, "/admin/applications.csv", Map.of("region", region));
        assertEquals(413, response.getStatusCode(), response.getBody());
        assertEquals("application/problem+json; charset=utf-8", response.getHeaders().get("Content-Type"));
        assertTrue(Json.read(response.getBody()).get("detail").textValue().contains("parts=true"));
    }

    @Test
    void aLargeExportComesInPartsThatJoinIntoTheWholeFile() {
        String region = fx.region();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Map<String, Object> form = ReviewFixture.form(region, "Org " + i + ", \"Quoted\"", "Ada", "Lovelace");
            // Quoted CR LF inside cells: a part boundary must never fall inside one.
            form.put("districtRelationships", "Row " + i + " line one\r\nline two,\nline \"three\"");
            ids.add(fx.apply(form));
        }
        var handler = new ReadApplicationsHandler(withCsvPartBytes(PART_BYTES));
        Map<String, String> query = new HashMap<>(Map.of("region", region, "parts", "true"));
        StringBuilder joined = new StringBuilder();
        List<Integer> partSizes = new ArrayList<>();
        int rowsCounted = 0;
        String cursor = null;
        for (int part = 1; part < 50; part++) {
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            var response = get(handler, "/admin/applications.csv", query);
            assertEquals(200, response.getStatusCode(), response.getBody());
            assertEquals(Integer.toString(part), response.getHeaders().get("X-Part"));
            assertTrue(response.getHeaders().get("Access-Control-Expose-Headers").contains("X-Next-Cursor"));
            String body = response.getBody();
            assertTrue(body.getBytes(StandardCharsets.UTF_8).length <= PART_BYTES, "a part is at most the cap");
            assertEquals(part == 1, body.startsWith(CsvExporter.BOM), "the byte order mark only in part 1");
            List<List<String>> rows = parse(part == 1 ? body.substring(1) : body); // each part alone is valid CSV
            assertEquals(part == 1, !rows.isEmpty() && rows.get(0).equals(HEADER), "header only in part 1");
            rowsCounted += Integer.parseInt(response.getHeaders().get("X-Row-Count"));
            partSizes.add(rows.size());
            joined.append(body);
            cursor = response.getHeaders().get("X-Next-Cursor");
            if (cursor == null) {
                break;
            }
        }
        assertNull(cursor, "the last part has no X-Next-Cursor");
        assertTrue(partSizes.size() >= 3, "the cap forces several parts: " + partSizes);
        List<List<String>> rows = parse(joined.substring(1));
        assertEquals(HEADER, rows.get(0));
        List<String> exported = rows.stream().skip(1).map(r -> r.get(0)).toList();
        assertEquals(12, rowsCounted);
        assertEquals(new HashSet<>(ids), new HashSet<>(exported));
        assertEquals(ids.size(), exported.size(), "no row repeated");
        int column = rows.get(0).indexOf("District relationships");
        for (List<String> row : rows.subList(1, rows.size())) {
            assertTrue(row.get(column).matches("Row \\d+ line one\r\nline two,\nline \"three\""), row.get(column));
        }
        // The parts are the whole file, row for row, when it fits in one answer.
        var whole = get(new ReadApplicationsHandler(withCsvPartBytes(1_000_000)), "/admin/applications.csv",
                Map.of("region", region));
        assertEquals(whole.getBody(), joined.toString());
    }

    @Test
    void pastTheCapTheWholeFileIsStillA413ThatPointsToParts() {
        String region = fx.region();
        for (int i = 0; i < 8; i++) {
            fx.apply(region);
        }
        var response = get(new ReadApplicationsHandler(withCsvPartBytes(PART_BYTES)), "/admin/applications.csv",
                Map.of("region", region));
        assertEquals(413, response.getStatusCode(), response.getBody());
        assertTrue(Json.read(response.getBody()).get("detail").textValue().contains("parts=true"), response.getBody());
    }

    @Test
    void aTamperedOrMismatchedCursorIsA400NamingCursor() {
        String region = fx.region();
        String other = fx.region();
        for (int i = 0; i < 8; i++) {
            fx.apply(region);
        }
        var handler = new ReadApplicationsHandler(withCsvPartBytes(PART_BYTES));
        var first = get(handler, "/admin/applications.csv", Map.of("region", region, "parts", "true"));
        assertEquals(200, first.getStatusCode(), first.getBody());
        String cursor = first.getHeaders().get("X-Next-Cursor");
        assertTrue(cursor != null && !cursor.isBlank());
        assertEquals(200, get(handler, "/admin/applications.csv", Map.of("region", region, "parts", "true", "cursor", cursor))
                .getStatusCode());
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).replace("\"part\":\"2\"", "\"part\":\"x\"")
                        .getBytes(StandardCharsets.UTF_8));
        for (Map<String, String> bad : List.of(
                Map.of("region", region, "parts", "true", "cursor", cursor + "x"),
                Map.of("region", region, "parts", "true", "cursor", "not-a-cursor"),
                Map.of("region", region, "parts", "true", "cursor", forged),
                Map.of("region", other, "parts", "true", "cursor", cursor),
                Map.of("region", region, "status", "pending", "parts", "true", "cursor", cursor))) {
            var response = get(handler, "/admin/applications.csv", bad);
            assertEquals(400, response.getStatusCode(), bad + " " + response.getBody());
            assertEquals("cursor", Json.read(response.getBody()).get("errors").get(0).get("field").textValue());
        }
        var cohort = get(handler, "/admin/cohort.csv", Map.of("parts", "true", "cursor", cursor));
        assertEquals(400, cohort.getStatusCode(), "a cursor of one export is not one of another");
    }

    /** The function's Platform with a smaller CSV_PART_BYTES, as the template's variable would set it. */
    private Platform withCsvPartBytes(long bytes) {
        Platform function = fx.cloud.platform("ReadApplicationsFunction");
        assertEquals("4000000", function.env().get("CSV_PART_BYTES", null), "the template's default");
        Map<String, String> env = new HashMap<>(function.env().asMap());
        env.put("CSV_PART_BYTES", Long.toString(bytes));
        return new Platform(new Env(env), function.dynamo(), function::ses, function.clock());
    }

    private static APIGatewayProxyResponseEvent get(ReadApplicationsHandler handler, String path, Map<String, String> query) {
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setAuthorizer(Map.of("claims", Map.of("sub", "s", "email", "r@code.org", "cognito:groups", "reviewers")));
        return handler.handleRequest(new APIGatewayProxyRequestEvent().withHttpMethod("GET").withResource(path).withPath(path)
                .withQueryStringParameters(query).withRequestContext(context), null);
    }

    /** A strict RFC 4180 reader, so the test checks the format rather than trusting the writer. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                assertEquals(0, cell.length(), "a quote may only open a cell");
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                assertEquals('\n', csv.charAt(i + 1), "rows end with CRLF");
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                assertTrue(c != '\n', "a bare LF outside quotes");
                cell.append(c);
            }
        }
        assertEquals(0, row.size() + cell.length(), "the document ends with CRLF");
        return rows;
    }
}
