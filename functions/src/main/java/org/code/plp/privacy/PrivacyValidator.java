package org.code.plp.privacy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.code.plp.http.FieldError;
import org.code.plp.http.Problem;
import org.code.plp.platform.Json;
import org.code.plp.validation.Validator;

/** What admins send about a person: the one address a privacy request is about, checked like the forms check it. */
final class PrivacyValidator {
    private PrivacyValidator() {
    }

    /** POST /admin/erasure/preview: {@code {email}}. */
    static String previewEmail(ObjectNode body) {
        return email(body, Set.of("email"));
    }

    /** POST /admin/erasure: {@code {email, confirm: true}}; erasure cannot be undone, so confirm is required. */
    static String erasureEmail(ObjectNode body) {
        String email = email(body, Set.of("email", "confirm"));
        if (!body.path("confirm").isBoolean() || !body.get("confirm").booleanValue()) {
            throw Problem.validation(List.of(new FieldError("confirm",
                    "Must be true: erasure cannot be undone. Check POST /admin/erasure/preview first.")));
        }
        return email;
    }

    /** GET /admin/subject-access?email=: the query's address, with the body's rules and messages. */
    static String queryEmail(String email) {
        ObjectNode query = Json.object();
        if (email != null) {
            query.put("email", email);
        }
        return email(query, Set.of("email"));
    }

    private static String email(ObjectNode body, Set<String> fields) {
        Validator v = new Validator();
        v.onlyKnownFields(body, "", fields);
        String email = v.email(body, "", "email", true);
        v.throwIfInvalid();
        return email;
    }
}
