package org.code.plp.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.code.plp.applicant.AccessTokens;
import org.code.plp.audit.AuditLog;
import org.code.plp.http.ApiHandler;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.ApiResponse;
import org.code.plp.http.FieldError;
import org.code.plp.http.JsonBody;
import org.code.plp.http.Problem;
import org.code.plp.http.StaffIdentity;
import org.code.plp.platform.Platform;
import org.code.plp.platform.Priming;
import org.code.plp.platform.Timestamps;
import org.code.plp.review.Csv;

/**
 * Admins only: the audit log of staff access (GET /admin/audit, /admin/audit.csv), erasure on
 * request (POST /admin/erasure/preview, POST /admin/erasure) and subject access
 * (GET /admin/subject-access?email=).
 */
public final class PrivacyHandler extends ApiHandler {
    private static final long CSV_BYTES = 4_000_000;
    private static final List<String> AUDIT_COLUMNS = List.of("at", "actor", "action", "target", "detail");

    private final PersonalData data;
    private final AuditLog audit;
    private final Erasure erasure;
    private final Platform platform;

    public PrivacyHandler() {
        this(Platform.fromEnvironment());
    }

    public PrivacyHandler(Platform platform) {
        super(platform, Priming.Read.APPLICATIONS);
        this.platform = platform;
        this.data = new PersonalData(platform);
        this.audit = new AuditLog(platform);
        this.erasure = new Erasure(data, audit, new AccessTokens(platform), platform.dynamo(), platform.clock());
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        StaffIdentity admin = request.requireGroup(StaffIdentity.ADMINS);
        String resource = request.event().getResource() != null ? request.event().getResource() : request.event().getPath();
        return switch (request.method() + " " + resource) {
            case "GET /admin/audit" -> ApiResponse.json(200, audit.page(limit(request), request.query("cursor").orElse(null)));
            case "GET /admin/audit.csv" -> auditCsv(request, admin);
            case "POST /admin/erasure/preview" -> preview(PrivacyValidator.previewEmail(JsonBody.read(request)), admin);
            case "POST /admin/erasure" -> ApiResponse.json(200,
                    new Erased(erasure.erase(PrivacyValidator.erasureEmail(JsonBody.read(request)), admin)));
            case "GET /admin/subject-access" -> subjectAccess(request, admin);
            default -> throw Problem.notFound("No route " + request.method() + " " + resource + ".");
        };
    }

    private ApiResponse preview(String email, StaffIdentity admin) {
        PersonalData.Holdings holdings = data.find(email);
        Erasure.Counts counts = Erasure.count(holdings);
        audit.record(admin, "erasure-preview", null, counts.asDetail());
        return ApiResponse.json(200, new Preview(counts, holdings.applications().stream().map(PersonalData.Record::id).toList(),
                holdings.interestForms().stream().map(PersonalData.Record::id).toList(),
                holdings.drafts().stream().map(PersonalData.Record::id).toList()));
    }

    private ApiResponse subjectAccess(ApiRequest request, StaffIdentity admin) {
        String email = PrivacyValidator.queryEmail(request.query("email").orElse(null));
        PersonalData.Holdings holdings = data.find(email);
        audit.record(admin, "subject-access", null, Erasure.count(holdings).asDetail());
        String now = Timestamps.format(Timestamps.truncate(platform.clock().instant()));
        return ApiResponse.json(200, SubjectAccess.export(email, now, holdings))
                .header("Content-Disposition", "attachment; filename=\"subject-access.json\"");
    }

    private ApiResponse auditCsv(ApiRequest request, StaffIdentity admin) {
        AuditLog.Page page = audit.page(AuditLog.MAX_PAGE, request.query("cursor").orElse(null));
        Csv csv = new Csv(CSV_BYTES);
        csv.row(AUDIT_COLUMNS);
        for (AuditLog.Entry entry : page.items()) {
            List<String> detail = new ArrayList<>();
            entry.detail().forEach((k, v) -> detail.add(k + "=" + v));
            csv.row(List.of(entry.at(), nz(entry.actor()), entry.action(), nz(entry.target()), String.join("; ", detail)));
        }
        audit.record(admin, "export", "audit.csv", Map.of("rows", Integer.toString(page.items().size())));
        ApiResponse response = ApiResponse.text(200, "text/csv; charset=utf-8", csv.toString())
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"")
                .header("X-Row-Count", Integer.toString(page.items().size()))
                .header("Access-Control-Expose-Headers", "Content-Disposition, X-Row-Count, X-Next-Cursor");
        return page.nextCursor() == null ? response : response.header("X-Next-Cursor", page.nextCursor());
    }

    private static int limit(ApiRequest request) {
        String raw = request.query("limit").map(String::strip).orElse("50");
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= AuditLog.MAX_PAGE) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw Problem.validation(List.of(new FieldError("limit", "Must be a whole number from 1 to " + AuditLog.MAX_PAGE + ".")));
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    /** What an erasure would change: counts and the ids, never the data. */
    record Preview(Erasure.Counts counts, List<String> applications, List<String> interestForms, List<String> drafts) {
    }

    record Erased(Erasure.Counts counts) {
    }
}
