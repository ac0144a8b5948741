package org.code.plp.review;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.code.plp.http.ApiRequest;
import org.code.plp.http.ApiResponse;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;
import org.code.plp.platform.Env;

/**
 * How a CSV export answers: the whole file, or with {@code parts=true} one part of it and the next
 * part's cursor; times in {@code ?tz=} (default {@code EXPORT_TIME_ZONE}, else UTC).
 */
public final class CsvAnswers {
    public static final String CSV = "text/csv; charset=utf-8";

    private final CsvExporter exporter;
    private final ZoneId defaultZone;

    public CsvAnswers(CsvExporter exporter, ZoneId defaultZone) {
        this.exporter = exporter;
        this.defaultZone = defaultZone;
    }

    /** The cap of one part from {@code CSV_PART_BYTES}, times in {@code EXPORT_TIME_ZONE}. */
    public static CsvAnswers from(Env env) {
        return withPartCap(env, partCap(env));
    }

    public static long partCap(Env env) {
        return Long.parseLong(env.get("CSV_PART_BYTES", Long.toString(ReviewService.MAX_CSV_BYTES)));
    }

    public static CsvAnswers withPartCap(Env env, long maxBytes) {
        return new CsvAnswers(new CsvExporter(maxBytes), ZoneId.of(env.get("EXPORT_TIME_ZONE", "UTC")));
    }

    /** {@code tz}: the IANA time zone of the export's times. */
    public ZoneId zone(ApiRequest request) {
        String tz = request.query("tz").map(String::trim).orElse(null);
        if (tz == null) {
            return defaultZone;
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw Problem.validation(List.of(new FieldError("tz", "Must be a time zone such as America/Chicago or UTC.")));
        }
    }

    public static boolean parts(ApiRequest request) {
        String parts = request.query("parts").map(String::trim).orElse("false");
        if (!parts.equals("true") && !parts.equals("false")) {
            throw Problem.validation(List.of(new FieldError("parts", "Must be true or false.")));
        }
        return parts.equals("true");
    }

    /** The whole export, or with {@code parts=true} one part of it (see {@link CsvExporter#part}). */
    public ApiResponse answer(ApiRequest request, CsvExporter.Export export) {
        String cursor = request.query("cursor").orElse(null);
        if (!parts(request)) {
            if (cursor != null) {
                throw Problem.validation(List.of(new FieldError("cursor", "A cursor needs parts=true.")));
            }
            Csv csv = exporter.whole(export);
            return response(csv, export.name(), csv.rows() - 1);
        }
        CsvExporter.CsvPart part = exporter.part(export, cursor);
        ApiResponse response = response(part.csv(), export.name(), part.dataRows())
                .header("X-Part", Integer.toString(part.part()));
        return part.nextCursor() == null ? response : response.header("X-Next-Cursor", part.nextCursor());
    }

    public static ApiResponse response(Csv csv, String export, int dataRows) {
        return ApiResponse.text(200, CSV, csv.toString())
                .header("Content-Disposition", "attachment; filename=\"" + export + ".csv\"")
                .header("X-Row-Count", Integer.toString(dataRows))
                // The console runs on another origin in the cloud: without this it cannot read the part headers.
                .header("Access-Control-Expose-Headers", "Content-Disposition, X-Row-Count, X-Part, X-Next-Cursor");
    }
}
