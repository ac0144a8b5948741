package org.code.plp.review;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import org.code.plp.applications.ApplicationForm;
import org.code.plp.applications.ApplicationLog;
import org.code.plp.applications.ApplicationStatus;

/** GET /admin/applications/{id}: the summary's fields, the form as submitted, the log, notes and scores. */
public record ApplicationDetail(@JsonUnwrapped ApplicationSummary summary, ApplicationForm application,
                                List<ApplicationLog.StatusEntry> statusLog, List<ApplicationLog.Note> notes,
                                Map<String, String> scores, List<String> criteria,
                                List<ApplicationStatus> allowedTransitions) {
}
