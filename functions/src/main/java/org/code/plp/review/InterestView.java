package org.code.plp.review;

import java.util.List;
import org.code.plp.interest.InterestItem;

/** One interest form as staff list it. */
public record InterestView(String id, String submittedAt, String name, String email, String organization, String role,
                           String city, String state, String zip, List<String> gradeLevels, String notes,
                           Boolean willingToRecruitDistricts, String matchedRegionId) {
    public static InterestView of(InterestItem item) {
        return new InterestView(item.getId(), item.getSubmittedAt(), item.getName(), item.getEmail(),
                item.getOrganization(), item.getRole(), item.getCity(),
                InterestItem.NONE.equals(item.getState()) ? null : item.getState(), item.getZip(), item.getGradeLevels(),
                item.getNotes(), item.getWillingToRecruitDistricts(), item.getMatchedRegionId());
    }

    /** GET /admin/interest: a page of forms and the next page's cursor (null at the end). */
    public record Page(List<InterestView> items, String nextCursor) {
    }

    /** GET /admin/interest/summary: counts by state and by city, most interest first. */
    public record Counts(List<StateCount> byState, List<CityCount> byCity) {
    }

    public record StateCount(String state, long count) {
    }

    public record CityCount(String city, String state, long count) {
    }
}
