package org.code.plp.http;

/** A 201 answer: its JSON body and Location, kept as text so an idempotent replay is byte-identical. */
public record Created(String body, String location) {
    public ApiResponse toResponse() {
        ApiResponse response = ApiResponse.text(201, ApiResponse.JSON, body);
        return location == null ? response : response.header("Location", location);
    }
}
