package org.code.plp.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.code.plp.platform.Json;

/**
 * Stand-in for the Cognito user pool: signs JWT-shaped HS256 tokens with a random key made per
 * run, and checks them the way the authorizer would, turning them into Cognito-style claims.
 * Claims go to functions as API Gateway REST passes them: strings, with {@code cognito:groups}
 * comma-separated (e.g. {@code "reviewers,admins"}), which {@code ApiRequest.staff()} reads.
 */
public final class LocalTokens {
    public static final Duration LIFETIME = Duration.ofHours(12);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String HEADER = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final byte[] key = new byte[32];
    private final Clock clock;

    public LocalTokens(Clock clock) {
        new SecureRandom().nextBytes(key);
        this.clock = clock;
    }

    public LocalTokens() {
        this(Clock.systemUTC());
    }

    /** A signed id token for {@code email} in {@code groups}; {@code sub} is stable per email. */
    public String issue(String email, List<String> groups) {
        long now = clock.instant().getEpochSecond();
        ObjectNode claims = Json.object();
        claims.put("sub", UUID.nameUUIDFromBytes(email.getBytes(StandardCharsets.UTF_8)).toString());
        claims.put("email", email);
        claims.putArray("cognito:groups").addAll(groups.stream().map(claims::textNode).toList());
        claims.put("token_use", "id");
        claims.put("iss", "plp-local");
        claims.put("iat", now);
        claims.put("exp", now + LIFETIME.toSeconds());
        String unsigned = HEADER + "." + B64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        return unsigned + "." + B64.encodeToString(sign(unsigned));
    }

    /**
     * The claims of a valid, unexpired token (a leading {@code Bearer } is accepted), as the
     * REST authorizer hands them to a function; empty when the token is missing, forged or expired.
     */
    public Optional<Map<String, String>> verify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String token = authorization.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] signature = B64D.decode(parts[2]);
            if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
                return Optional.empty();
            }
            JsonNode claims = Json.MAPPER.readTree(B64D.decode(parts[1]));
            if (claims.path("exp").asLong(0) < clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            Map<String, String> out = new LinkedHashMap<>();
            claims.properties().forEach(field -> {
                JsonNode value = field.getValue();
                if (value.isArray()) {
                    List<String> items = new ArrayList<>();
                    value.forEach(v -> items.add(v.asText()));
                    out.put(field.getKey(), String.join(",", items));
                } else {
                    out.put(field.getKey(), value.asText());
                }
            });
            return Optional.of(out);
        } catch (IllegalArgumentException | java.io.IOException malformed) {
            return Optional.empty();
        }
    }

    private byte[] sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
