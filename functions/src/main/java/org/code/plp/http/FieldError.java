package org.code.plp.http;

/** One bad field of a request: {@code field} is a dotted path such as {@code programManager.email}. */
public record FieldError(String field, String message) {
}
