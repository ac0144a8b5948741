package org.code.plp.review;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.code.plp.applications.ApplicationItem;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.applications.ApplicationRepository;
import org.code.plp.applications.DuplicateKeys;
import org.code.plp.counters.Counters;
import org.code.plp.http.Problem;
import org.code.plp.http.StaffIdentity;

/**
 * Possible duplicates: applications sharing a contact email, or a folded organization name in one
 * region ({@link DuplicateKeys}). A queue page learns its flags from the key counters (one
 * BatchGetItem); the detail lists the others through the key indexes (a Query each). Staff can
 * dismiss an application's flag; a later duplicate is flagged on its own.
 */
public record Duplicates(Counters counters, ApplicationRepository applications) {
    private static final int MAX_LISTED = 25;

    public static Duplicates of(org.code.plp.platform.Platform platform, Counters counters) {
        return new Duplicates(counters, new ApplicationRepository(platform));
    }

    /** The ids of {@code items} that share a key with another application and are not dismissed. */
    public Set<String> flagged(List<ApplicationItem> items) {
        List<Counters.Key> keys = new ArrayList<>();
        for (ApplicationItem item : items) {
            if (item.getEmailKey() != null) {
                keys.add(new Counters.Key(DuplicateKeys.EMAIL_SCOPE, item.getEmailKey()));
                keys.add(new Counters.Key(DuplicateKeys.ORG_SCOPE, item.getOrgKey()));
            }
        }
        Map<Counters.Key, Long> counts = keys.isEmpty() ? Map.of() : counters.readMany(keys);
        Set<String> flagged = new HashSet<>();
        for (ApplicationItem item : items) {
            if (item.getEmailKey() != null && item.getDuplicateDismissedAt() == null
                    && (counts.getOrDefault(new Counters.Key(DuplicateKeys.EMAIL_SCOPE, item.getEmailKey()), 0L) > 1
                    || counts.getOrDefault(new Counters.Key(DuplicateKeys.ORG_SCOPE, item.getOrgKey()), 0L) > 1)) {
                flagged.add(item.getId());
            }
        }
        return flagged;
    }

    /** The other applications sharing a key with {@code item}, each with why ("email", "organization" or both). */
    /** Another application sharing a key, and which ({@code "email"}, {@code "organization"} or both). */
    public record Other(String id, String organizationName, String contactEmail, String regionName, ApplicationStatus status,
                        String submittedAt, List<String> sameAs) {
    }

    public List<Other> others(ApplicationItem item) {
        if (item.getEmailKey() == null) {
            return List.of();
        }
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        for (String id : idsWith(ApplicationItem.BY_EMAIL_KEY, "emailKey", item.getEmailKey())) {
            reasons.computeIfAbsent(id, k -> new ArrayList<>()).add("email");
        }
        for (String id : idsWith(ApplicationItem.BY_ORG_KEY, "orgKey", item.getOrgKey())) {
            reasons.computeIfAbsent(id, k -> new ArrayList<>()).add("organization");
        }
        reasons.remove(item.getId());
        return applications.findAll(List.copyOf(reasons.keySet())).stream()
                .map(other -> new Other(other.getId(), other.getOrganizationName(), other.getContactEmail(),
                        other.getRegionName(), other.getStatus(), other.getSubmittedAt(), reasons.get(other.getId())))
                .toList();
    }

    private List<String> idsWith(String index, String attribute, String value) {
        return applications.idsByDuplicateKey(index, attribute, value, MAX_LISTED);
    }

    /** A dismissal's body: an empty JSON object (the request says who and when). */
    public void dismiss(String id, StaffIdentity staff, String now) {
        if (!applications.dismissDuplicate(id, staff.displayName(), now)) {
            throw Problem.notFound("There is no application '" + id + "'.");
        }
    }
}
