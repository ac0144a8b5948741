package org.code.plp.applications;

import org.code.plp.counters.Counters;
import org.code.plp.platform.Fold;
import org.code.plp.platform.WriteTransaction;

/**
 * What makes two applications possible duplicates: the same contact email, or the same organization
 * name (case, accents and punctuation folded) in the same region. Each key is an index of the
 * applications table (to list the others) and a counter written with the submission (so a queue page
 * learns which rows share a key with one BatchGetItem, and two identical submissions at once still
 * both count).
 */
public final class DuplicateKeys {
    public static final String EMAIL_SCOPE = "duplicates#email";
    public static final String ORG_SCOPE = "duplicates#org";

    private DuplicateKeys() {
    }

    public static String emailKey(String email) {
        return Fold.text(email).strip();
    }

    public static String orgKey(String regionKey, String organizationName) {
        return regionKey + "#" + Fold.words(organizationName);
    }

    public static void set(ApplicationItem item) {
        item.setEmailKey(emailKey(item.getContactEmail()));
        item.setOrgKey(orgKey(item.getRegionKey(), item.getOrganizationName()));
    }

    public static void count(WriteTransaction transaction, Counters counters, ApplicationItem item) {
        counters.add(transaction, EMAIL_SCOPE, item.getEmailKey(), 1);
        counters.add(transaction, ORG_SCOPE, item.getOrgKey(), 1);
    }
}
