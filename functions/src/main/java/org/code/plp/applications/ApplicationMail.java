package org.code.plp.applications;

import java.util.LinkedHashMap;
import java.util.Map;

/** What every email about an application fills its copy with: the one place these values are picked. */
public final class ApplicationMail {
    private ApplicationMail() {
    }

    public static Map<String, String> data(String applicationId, ApplicationForm form, String regionId, String regionName) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("applicationId", applicationId);
        data.put("firstName", form.programManager().firstName());
        data.put("lastName", form.programManager().lastName());
        data.put("email", form.programManager().email());
        data.put("organizationName", form.organization().name());
        if (regionName != null) {
            data.put("regionName", regionName);
        }
        if (regionId != null) {
            data.put("regionId", regionId);
        }
        return data;
    }

    /** The data of a stored application, for the emails its decisions send. */
    public static Map<String, String> data(ApplicationItem item) {
        return data(item.getId(), item.form(), item.getRegionId(), item.getRegionName());
    }
}
