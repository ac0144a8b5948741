package org.code.plp.applicant;

import java.util.Map;
import org.code.plp.applications.ApplicationForm;
import org.code.plp.applications.ApplicationItem;
import org.code.plp.applications.DuplicateKeys;
import org.code.plp.platform.Json;
import org.code.plp.platform.Platform;
import org.code.plp.platform.WriteTransaction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The applicant's own changes to an application, each conditioned on the version and status they saw. */
public class ApplicantWrites {
    private final String table;

    public ApplicantWrites(Platform platform) {
        this.table = platform.table("APPLICATIONS_TABLE");
    }

    /**
     * Adds new answers (corrected contact details) to a transaction: the stored form and the listed
     * contact attributes (with the duplicate key of the email) move together with the version, only if
     * nobody changed the application since. A new email's duplicate counters are the caller's to move.
     */
    public void replaceAnswers(WriteTransaction transaction, ApplicationItem current, ApplicationForm form, String now) {
        String contact = form.programManager().fullName();
        String email = form.programManager().email();
        String search = ApplicationItem.searchText(current.getOrganizationName(), contact, email,
                form.organization().address().city());
        transaction.update("application", table, Map.of("id", AttributeValue.fromS(current.getId())),
                "SET payload = :payload, contactName = :contact, contactEmail = :email, emailKey = :emailKey, #search = :search, "
                        + "version = :next, updatedAt = :now",
                "version = :expected AND #status = :status",
                Map.of("#status", "status", "#search", "search"),
                Map.of(":payload", AttributeValue.fromS(Json.write(form)),
                        ":contact", AttributeValue.fromS(contact),
                        ":email", AttributeValue.fromS(email),
                        ":emailKey", AttributeValue.fromS(DuplicateKeys.emailKey(email)),
                        ":search", AttributeValue.fromS(search),
                        ":next", AttributeValue.fromN(Long.toString(current.getVersion() + 1)),
                        ":now", AttributeValue.fromS(now),
                        ":expected", AttributeValue.fromN(Long.toString(current.getVersion())),
                        ":status", AttributeValue.fromS(current.getStatus().wire())));
    }

    /** Adds a version bump with no other change (an entry in the log needs its own version). */
    public void touch(WriteTransaction transaction, ApplicationItem current, String now) {
        transaction.update("application", table, Map.of("id", AttributeValue.fromS(current.getId())),
                "SET version = :next, updatedAt = :now",
                "version = :expected AND #status = :status",
                Map.of("#status", "status"),
                Map.of(":next", AttributeValue.fromN(Long.toString(current.getVersion() + 1)),
                        ":now", AttributeValue.fromS(now),
                        ":expected", AttributeValue.fromN(Long.toString(current.getVersion())),
                        ":status", AttributeValue.fromS(current.getStatus().wire())));
    }
}
