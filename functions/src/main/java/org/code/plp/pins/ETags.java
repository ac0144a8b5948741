package org.code.plp.pins;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Strong entity tags from the body's SHA-256, so every function instance gives the same bytes
 * the same tag, and If-None-Match as RFC 9110 13.1.2 reads it: a list, "*", weak comparison.
 */
public final class ETags {
    private ETags() {
    }

    public static String of(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether an If-None-Match header names {@code etag} (so the answer is 304). */
    public static boolean noneMatchHits(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        String opaque = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            if (opaque(candidate).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    // Weak comparison: W/"x" and "x" are the same tag.
    private static String opaque(String tag) {
        String t = tag.strip();
        return t.startsWith("W/") ? t.substring(2) : t;
    }
}
