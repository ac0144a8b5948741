package org.code.plp.interest;

import java.util.List;

/** An interest form as POST /interest reads it, validated and cleaned; optional fields are null when not given. */
public record InterestForm(String name, String email, String organization, String role, String city, String state,
                           String zip, List<String> gradeLevels, String notes, Boolean willingToRecruitDistricts) {
}
