package org.code.plp.pins;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.code.plp.audit.AuditLog;
import org.code.plp.http.ApiHandler;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.ApiResponse;
import org.code.plp.http.JsonBody;
import org.code.plp.http.Problem;
import org.code.plp.http.StaffIdentity;
import org.code.plp.platform.Platform;
import org.code.plp.regions.RegionRepository;

/**
 * Staff (admins) edit the map: PUT /admin/pins/{regionId} creates or edits a region (never its partner),
 * DELETE closes it, POST /admin/pins imports a GeoJSON FeatureCollection or a CSV
 * ({@code ?dryRun=true} validates and reports without storing).
 */
public final class ManagePinsHandler extends ApiHandler {
    public static final int MAX_IMPORT_BYTES = 1024 * 1024;
    public static final int MAX_IMPORT_ROWS = 1000;
    private static final String[] JSON_TYPES = {"application/geo+json", "application/json"};

    private final PinsAdmin admin;
    private final RegionRepository regions;
    private final AuditLog audit;

    public ManagePinsHandler() {
        this(Platform.fromEnvironment());
    }

    public ManagePinsHandler(Platform platform) {
        super(platform);
        this.regions = new RegionRepository(platform);
        this.admin = new PinsAdmin(new RegionValidator(), regions, platform.clock());
        this.audit = new AuditLog(platform);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        StaffIdentity staff = request.requireGroup(StaffIdentity.ADMINS);
        var regionId = request.pathParameter("regionId");
        return switch (request.method()) {
            // The region editor reads here, not from the public map's cached GET /pins: what it shows is what is stored.
            case "GET" -> regionId.isPresent()
                    ? ApiResponse.json(200, PinFeatures.detail(regions.find(regionId.get())
                            .orElseThrow(() -> Problem.notFound("There is no region '" + regionId.get() + "'.")), null))
                    : ApiResponse.json(200, PinFeatures.collection(regions.listAll()));
            case "PUT" -> {
                String id = regionId.orElseThrow(ManagePinsHandler::notAllowed);
                ApiResponse answer = put(id, request);
                audit.record(staff, "region-change", id, Map.of("change", answer.status() == 201 ? "created" : "replaced"));
                yield answer;
            }
            case "DELETE" -> {
                String id = regionId.orElseThrow(ManagePinsHandler::notAllowed);
                ApiResponse answer = ApiResponse.json(200, PinFeatures.detail(admin.close(id), null));
                audit.record(staff, "region-change", id, Map.of("change", "closed"));
                yield answer;
            }
            case "POST" -> {
                if (regionId.isPresent()) {
                    throw notAllowed();
                }
                yield importFile(request, staff);
            }
            default -> throw notAllowed();
        };
    }

    private ApiResponse put(String regionId, ApiRequest request) {
        RegionRepository.Edit saved = admin.put(regionId, GeoJsonRegions.body(JsonBody.read(request, JsonBody.MAX_BYTES, JSON_TYPES)));
        ApiResponse response = ApiResponse.json(saved.created() ? 201 : 200, PinFeatures.detail(saved.stored(), null));
        return saved.created() ? response.header("Location", "/pins/" + regionId) : response;
    }

    private ApiResponse importFile(ApiRequest request, StaffIdentity staff) {
        boolean dryRun = request.query("dryRun").map("true"::equalsIgnoreCase).orElse(false);
        if (JsonBody.hasMediaType(request, "text/csv")) {
            String text = request.body();
            if (text.getBytes(StandardCharsets.UTF_8).length > MAX_IMPORT_BYTES) {
                throw tooLarge();
            }
            return imported(staff, admin.importRows(CsvRegions.rows(text, MAX_IMPORT_ROWS), dryRun, CsvRegions::column));
        }
        if (!JsonBody.hasMediaType(request, JSON_TYPES)) {
            throw Problem.field(415, "unsupported-media-type", "Unsupported media type", "Content-Type",
                    "Send a GeoJSON FeatureCollection (application/geo+json) or a CSV (text/csv).");
        }
        var collection = JsonBody.read(request, MAX_IMPORT_BYTES, JSON_TYPES);
        return imported(staff, admin.importRows(GeoJsonRegions.rows(collection, MAX_IMPORT_ROWS), dryRun,
                UnaryOperator.identity()));
    }

    /** A dry run changes nothing and is not recorded; an import is, with its counts. */
    private ApiResponse imported(StaffIdentity staff, PinsAdmin.ImportReport report) {
        if (!report.dryRun()) {
            audit.record(staff, "region-change", null, Map.of("change", "imported", "created", Integer.toString(report.created()),
                    "updated", Integer.toString(report.updated()), "rejected", Integer.toString(report.rejected())));
        }
        return ApiResponse.json(200, report);
    }

    private static Problem tooLarge() {
        return Problem.field(413, "payload-too-large", "Payload too large", "body",
                "The file is larger than " + MAX_IMPORT_BYTES / 1024 + " KiB; split it.");
    }

    private static Problem notAllowed() {
        return new Problem(405, "method-not-allowed", "Method not allowed",
                "Use PUT or DELETE on /admin/pins/{regionId}, POST on /admin/pins.", List.of());
    }
}
