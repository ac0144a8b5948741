package org.code.plp.review;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.code.plp.applications.ApplicationForm;
import org.code.plp.applications.ApplicationItem;
import org.code.plp.applications.ApplicationLog;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The rows of the applications and cohort CSVs: readable headers, words instead of codes, times in
 * the stated zone, and per application its score totals, every reviewer's sheet, assignments,
 * recusals, notes and decision history (one Query of its log partition each, a few at a time).
 */
public final class ApplicationExport {
    private static final int PARALLEL_READS = 8;

    private final ApplicationLog log;
    private final ReviewerLog reviewers;

    public ApplicationExport(ApplicationLog log, ReviewerLog reviewers) {
        this.log = log;
        this.reviewers = reviewers;
    }

    public static List<String> header(ZoneId zone) {
        String at = " (" + zoneName(zone) + ")";
        List<String> columns = new ArrayList<>(List.of("Application ID", "Status", "Submitted" + at, "Last updated" + at,
                "Region", "Region ID", "Organization", "Organization type", "Website", "Organization phone", "Street", "City",
                "State", "ZIP", "Program manager", "Title", "Email", "Phone", "Programs", "Facilitators", "Joint partner",
                "District relationships", "PD experience", "Funding plan", "Overall score (%)"));
        ReviewCriteria.ALL.forEach(criterion -> columns.add(ExportLabels.word(criterion) + " (yes of answered)"));
        columns.addAll(List.of("Reviewer scores", "Assigned to", "Recused", "Notes" + at, "Decision history" + at));
        return columns;
    }

    static String zoneName(ZoneId zone) {
        return zone.getId().equals("Z") ? "UTC" : zone.getId();
    }

    /** The rows of one page of applications, in order. */
    public List<List<String>> rows(List<Map<String, AttributeValue>> page, ZoneId zone) {
        List<ApplicationItem> items = page.stream().map(ApplicationItem.SCHEMA::mapToItem).toList();
        if (items.size() <= 1) {
            return items.stream().map(item -> row(item, log.items(item.getId()), zone)).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_READS, items.size()));
        try {
            List<Future<List<Map<String, AttributeValue>>>> reads = new ArrayList<>();
            for (ApplicationItem item : items) {
                reads.add(pool.submit(() -> log.items(item.getId())));
            }
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                rows.add(row(items.get(i), reads.get(i).get(), zone));
            }
            return rows;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading application logs", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static List<String> row(ApplicationItem item, List<Map<String, AttributeValue>> logItems, ZoneId zone) {
        ApplicationLog.Entries entries = ApplicationLog.parse(logItems);
        ReviewerLog.Entries work = ReviewerLog.parse(logItems);
        // An erased application keeps only statistics of its form: every part of it may be missing.
        ApplicationForm form = item.form();
        ApplicationForm.Organization org = form.organization() == null
                ? new ApplicationForm.Organization(null, null, null, null, null, null) : form.organization();
        ApplicationForm.Address address = org.address() == null ? new ApplicationForm.Address(null, null, null, null) : org.address();
        ApplicationForm.ProgramManager manager = form.programManager() == null
                ? new ApplicationForm.ProgramManager(null, null, null, null, null) : form.programManager();
        List<String> programs = form.programs() == null ? List.of() : form.programs().stream().map(ExportLabels::word).toList();
        Double overall = ScoreTotals.percent(item.getOverallScore());
        List<String> row = new ArrayList<>(List.of(
                item.getId(), ExportLabels.word(item.getStatus().wire()), ExportLabels.time(item.getSubmittedAt(), zone),
                ExportLabels.time(item.getUpdatedAt(), zone), nz(item.getRegionName()), nz(item.getRegionId()),
                nz(item.getOrganizationName()), ExportLabels.word(item.getOrganizationType()), nz(org.website()),
                nz(org.phone()), nz(address.street()), nz(address.city()), nz(address.state()), nz(address.zip()),
                nz(item.getContactName()), nz(manager.title()), nz(item.getContactEmail()), nz(manager.phone()),
                String.join("; ", programs), ExportLabels.word(nz(form.facilitators())),
                form.jointApplication() == null ? "" : nz(form.jointApplication().partnerName()), nz(form.districtRelationships()),
                nz(form.pdExperience()), nz(form.fundingPlan()), overall == null ? "" : overall.toString()));
        for (String criterion : ReviewCriteria.ALL) {
            long answered = count(item.getScoreAnswered(), criterion);
            row.add(answered == 0 ? "" : count(item.getScoreYes(), criterion) + " of " + answered);
        }
        List<String> sheets = new ArrayList<>();
        for (ReviewerLog.ScoreSheet sheet : work.sheets()) {
            List<String> answers = new ArrayList<>();
            for (String criterion : ReviewCriteria.ALL) {
                String answer = sheet.answers().get(criterion);
                if (answer != null) {
                    answers.add(ExportLabels.word(criterion) + ": " + answer);
                }
            }
            sheets.add(sheet.reviewer() + " (" + ExportLabels.time(sheet.at(), zone) + "): " + String.join(", ", answers));
        }
        row.add(String.join("\n", sheets));
        row.add(String.join("; ", work.assignments().stream().map(ReviewerLog.Assignment::assignee).toList()));
        row.add(String.join("\n", work.recusals().stream().map(r -> r.reviewer() + " (" + ExportLabels.time(r.at(), zone) + ")"
                + (r.reason() == null ? "" : ": " + r.reason())).toList()));
        row.add(String.join("\n", entries.notes().stream()
                .map(n -> ExportLabels.time(n.at(), zone) + " " + n.by() + ": " + n.text()).toList()));
        row.add(String.join("\n", entries.statusLog().stream()
                .map(s -> ExportLabels.time(s.at(), zone) + " " + ExportLabels.word(s.status().wire()) + " by " + s.by()
                        + (s.note() == null ? "" : " (internal note: " + s.note() + ")")).toList()));
        return row;
    }

    private static long count(Map<String, Long> counts, String criterion) {
        return counts == null ? 0 : counts.getOrDefault(criterion, 0L);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
