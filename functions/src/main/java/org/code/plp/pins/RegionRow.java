package org.code.plp.pins;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.code.plp.http.FieldError;

/**
 * One region of an import file, in the PUT body's shape, before validation.
 *
 * @param row    its position among the file's regions, from 1 (the CSV header is not counted)
 * @param line   the CSV line it starts on (the header is line 1), or null for GeoJSON
 * @param input  the region's fields, or null when the row could not be read at all
 * @param errors what was wrong with the row's shape (wrong cell count, no geometry, ...)
 */
public record RegionRow(int row, Integer line, ObjectNode input, List<FieldError> errors) {
    /** The regionId the row names, as sent (for the report of a row that failed validation). */
    public String regionIdAsSent() {
        return input != null && input.path("regionId").isTextual() ? input.get("regionId").textValue() : null;
    }
}
