package org.code.plp.applications;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An application as POST /applications reads it, validated and cleaned. It is stored whole, as JSON,
 * in the item's {@code payload} and answered as {@code application} in the staff detail; absent
 * optional fields stay absent in that JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationForm(String regionId, Organization organization, ProgramManager programManager,
                              List<String> programs, String districtRelationships, String pdExperience, String fundingPlan,
                              String facilitators, JointApplication jointApplication, boolean agreedToTerms,
                              String termsVersion) {

    /** The same answers with other contact details (the applicant's corrections). */
    public ApplicationForm withProgramManager(ProgramManager manager) {
        return new ApplicationForm(regionId, organization, manager, programs, districtRelationships, pdExperience, fundingPlan,
                facilitators, jointApplication, agreedToTerms, termsVersion);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Organization(String name, String type, String typeOther, String website, String phone, Address address) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(String street, String city, String state, String zip) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProgramManager(String firstName, String lastName, String title, String email, String phone) {
        public String fullName() {
            return firstName + " " + lastName;
        }
    }

    public record JointApplication(String partnerName) {
    }
}
