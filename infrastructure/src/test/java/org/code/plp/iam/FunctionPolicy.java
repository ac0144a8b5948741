package org.code.plp.iam;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.code.plp.local.TemplateModel;

/**
 * What a function's {@code Policies} in template.yaml allow, as the permissions {@link AccessRecorder}
 * records: each Allow statement's actions times its resources. Only explicit statements count: a
 * SAM policy template (DynamoDBReadPolicy, ...) grants actions the code never uses (Scan among them),
 * so one is reported instead of read.
 */
final class FunctionPolicy {
    private static final Pattern TABLE_ARN = Pattern.compile("\\$\\{(\\w+)\\.Arn}(/index/[\\w.-]+)?");
    private static final Pattern SES_ARN = Pattern.compile(":ses:.*:(identity|configuration-set)/\\$\\{(\\w+)}");

    private FunctionPolicy() {
    }

    static Set<String> allowed(TemplateModel template, String functionId) {
        Map<String, Object> properties = TemplateModel.map(TemplateModel.map(
                TemplateModel.map(template.raw().get("Resources")).get(functionId)).get("Properties"));
        Set<String> allowed = new TreeSet<>();
        for (Object policy : TemplateModel.list(properties.get("Policies"))) {
            Map<String, Object> document = TemplateModel.map(policy);
            if (!document.containsKey("Statement")) {
                throw new AssertionError(functionId + " uses a policy template or managed policy " + policy
                        + ": write the statements it needs instead");
            }
            for (Object raw : TemplateModel.list(document.get("Statement"))) {
                Map<String, Object> statement = TemplateModel.map(raw);
                if (!"Allow".equals(statement.get("Effect"))) {
                    continue;
                }
                for (String action : strings(statement.get("Action"))) {
                    for (Object resource : values(statement.get("Resource"))) {
                        allowed.add(action + " " + resource(functionId, resource));
                    }
                }
            }
        }
        return allowed;
    }

    /** A resource as a logical id: {@code !GetAtt T.Arn} -> T, {@code !Sub "${T.Arn}/index/i"} -> T/index/i. */
    private static String resource(String functionId, Object resource) {
        Map<String, Object> intrinsic = TemplateModel.map(resource);
        if (intrinsic.get("Fn::GetAtt") != null) {
            Object target = intrinsic.get("Fn::GetAtt");
            List<Object> parts = target instanceof List<?> l ? List.copyOf(l) : List.of((Object[]) String.valueOf(target).split("\\.", 2));
            if ("Arn".equals(String.valueOf(parts.get(1)))) {
                return String.valueOf(parts.get(0));
            }
        }
        if (intrinsic.get("Fn::Sub") instanceof String text) {
            Matcher table = TABLE_ARN.matcher(text);
            if (table.matches()) {
                return table.group(1) + (table.group(2) == null ? "" : table.group(2));
            }
            Matcher ses = SES_ARN.matcher(text);
            if (ses.find()) {
                return ses.group(1) + "/" + ses.group(2);
            }
        }
        throw new AssertionError(functionId + ": a resource this test cannot name exactly (no wildcards): " + resource);
    }

    private static List<String> strings(Object value) {
        return values(value).stream().map(String::valueOf).toList();
    }

    private static List<Object> values(Object value) {
        return value instanceof List<?> l ? List.copyOf(l) : List.of(value);
    }
}
