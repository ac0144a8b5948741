package org.code.plp.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The forms carry a hidden top-level {@code website} field people never see. A bot fills it;
 * such a submission gets the usual 201 (so the bot learns nothing) and nothing is stored.
 */
public final class Honeypot {
    public static final String FIELD = "website";

    private Honeypot() {
    }

    public static boolean isFilled(ObjectNode body) {
        JsonNode value = body.get(FIELD);
        if (value == null || value.isNull()) {
            return false;
        }
        return !value.isTextual() || !value.textValue().isBlank();
    }
}
