package org.code.plp.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.code.plp.outbox.EmailType;

/**
 * The words of every email, read from {@code email/<type>.subject|.txt|.html} (the HTML part is a
 * fragment placed in {@code email/layout.html}) on the classpath so staff can edit copy without
 * touching code. Also the list of values each type may use: the keys
 * its producer writes into the outbox item's data, plus the platform's own.
 */
public final class EmailCopy {
    public static final String[] PARTS = {"subject", "txt", "html"};

    /** Values every email may use, filled in by the renderer. */
    public static final Set<String> COMMON_VALUES = Set.of("staffEmail", "siteUrl");
    private static final Set<String> APPLICATION_VALUES =
            Set.of("applicationId", "firstName", "lastName", "email", "organizationName", "regionName", "regionId");
    private static final Set<String> INTEREST_VALUES =
            Set.of("interestId", "email", "role", "zip", "name", "organization", "city", "state", "regionId", "regionName");

    /** Where each type's HTML fragment goes in {@code email/layout.html}. */
    public static final String BODY_SLOT = "<!-- body -->";
    public static final String LAYOUT = "email/layout.html";

    private final Map<EmailType, Parts> parts = new EnumMap<>(EmailType.class);
    private final Template layout;

    public record Parts(Template subject, Template text, Template html) {
    }

    public EmailCopy() {
        layout = load(LAYOUT);
        for (EmailType type : EmailType.values()) {
            parts.put(type, new Parts(load(type, "subject"), load(type, "txt"), load(type, "html")));
        }
    }

    public Parts of(EmailType type) {
        return parts.get(type);
    }

    /** The HTML document every email shares: {@code {{subject}}} as its title, the type's fragment at {@link #BODY_SLOT}. */
    public Template layout() {
        return layout;
    }

    /** The data keys an email of this type may use (the outbox producers write these). */
    public static Set<String> knownValues(EmailType type) {
        Set<String> own = switch (type) {
            case INTEREST_RECEIPT, INTEREST_STAFF -> INTEREST_VALUES;
            case CONFIRMATION -> with(APPLICATION_VALUES, "answers", "statusUrl");
            case STATUS_LINK -> with(APPLICATION_VALUES, "statusUrl");
            case EMAIL_CHANGE -> with(APPLICATION_VALUES, "newEmail", "confirmUrl");
            case DRAFT_SAVED, DRAFT_REMINDER -> Set.of("email", "resumeUrl", "draftExpiresAt", "draftExpiresOn");
            default -> APPLICATION_VALUES;
        };
        return Stream.concat(own.stream(), COMMON_VALUES.stream()).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> with(Set<String> values, String... more) {
        return Stream.concat(values.stream(), Stream.of(more)).collect(Collectors.toUnmodifiableSet());
    }

    public static String resource(EmailType type, String part) {
        return "email/" + type.id() + "." + part;
    }

    private static Template load(EmailType type, String part) {
        return load(resource(type, part));
    }

    private static Template load(String path) {
        try (InputStream in = EmailCopy.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing email copy " + path);
            }
            return new Template(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
