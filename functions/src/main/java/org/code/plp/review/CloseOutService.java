package org.code.plp.review;

import java.util.ArrayList;
import java.util.List;
import org.code.plp.applications.ApplicationItem;
import org.code.plp.applications.ApplicationRepository;
import org.code.plp.applications.ApplicationStatus;
import org.code.plp.http.Problem;
import org.code.plp.http.StaffIdentity;
import org.code.plp.regions.RegionItem;
import org.code.plp.regions.RegionRepository;
import org.code.plp.regions.RegionStatus;

/**
 * POST /admin/regions/{id}/close-out: once a region has its partner, its other open applications
 * (unreviewed, pending, interview) move to declined or waitlisted in one action, each as its own
 * decision (log entry, held email, undo) conditioned on the version read. What changed meanwhile
 * is skipped and reported, never overwritten.
 */
public record CloseOutService(ApplicationRepository applications, RegionRepository regions, DecisionService decisions) {
    public record Moved(String id, String organizationName, ApplicationStatus from, ApplicationStatus to) {
    }

    public record Skipped(String id, String organizationName, ApplicationStatus status, String reason) {
    }

    public record Report(String regionId, ApplicationStatus status, List<Moved> moved, List<Skipped> skipped) {
    }

    public Report closeOut(String regionId, ReviewValidator.CloseOut request, StaffIdentity staff) {
        RegionItem region = regions.find(regionId).orElseThrow(() -> Problem.notFound("There is no region '" + regionId + "'."));
        if (region.getStatus() != RegionStatus.PARTNER_SELECTED) {
            throw new Problem(409, "region-not-filled", "Conflict",
                    "The region " + regionId + " is " + region.getStatus().wire()
                            + ": only a region with its partner selected can be closed out.", List.of());
        }
        List<Moved> moved = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (ApplicationItem application : applications.inRegion(regionId)) {
            if (application.getStatus().isFinal()) {
                continue;
            }
            decisions.closeOutOne(application, request.status(), request.note(), staff).ifPresentOrElse(
                    reason -> skipped.add(new Skipped(application.getId(), application.getOrganizationName(),
                            application.getStatus(), reason)),
                    () -> moved.add(new Moved(application.getId(), application.getOrganizationName(),
                            application.getStatus(), request.status())));
        }
        return new Report(regionId, request.status(), moved, skipped);
    }
}
