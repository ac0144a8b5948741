package org.code.plp.iam;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.code.plp.local.TemplateModel;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * Records, from the requests an SDK client sends, the IAM permissions they need, as
 * {@code "dynamodb:Query ApplicationsTable/index/byStatus"} or {@code "ses:SendEmail identity/SenderEmail"}
 * (template logical ids, as {@link FunctionPolicy} names what a policy allows). A transaction needs
 * the action of each item (there is no TransactWriteItems permission), a batch its action on each table.
 */
final class AccessRecorder implements ExecutionInterceptor {
    private final TemplateModel template;
    private final Map<String, String> env;
    private final Set<String> needed = new TreeSet<>();

    AccessRecorder(TemplateModel template, Map<String, String> env) {
        this.template = template;
        this.env = env;
    }

    synchronized Set<String> needed() {
        return new TreeSet<>(needed);
    }

    @Override
    public synchronized void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        SdkRequest request = context.request();
        if ("SESv2".equals(service) || request instanceof SendEmailRequest) {
            recordSes(operation, request);
            return;
        }
        if (request instanceof TransactWriteItemsRequest transaction) {
            for (TransactWriteItem item : transaction.transactItems()) {
                if (item.put() != null) {
                    needed.add("dynamodb:PutItem " + table(item.put().tableName()));
                } else if (item.update() != null) {
                    needed.add("dynamodb:UpdateItem " + table(item.update().tableName()));
                } else if (item.delete() != null) {
                    needed.add("dynamodb:DeleteItem " + table(item.delete().tableName()));
                } else if (item.conditionCheck() != null) {
                    needed.add("dynamodb:ConditionCheckItem " + table(item.conditionCheck().tableName()));
                }
            }
            return;
        }
        var tables = request.getValueForField("RequestItems", Map.class);
        if (tables.isPresent()) {
            for (Object name : tables.get().keySet()) {
                needed.add("dynamodb:" + operation + " " + table(String.valueOf(name)));
            }
            return;
        }
        String table = request.getValueForField("TableName", String.class).map(this::table).orElse("*");
        String index = request.getValueForField("IndexName", String.class).map(name -> "/index/" + name).orElse("");
        needed.add("dynamodb:" + operation + " " + table + index);
    }

    private void recordSes(String operation, SdkRequest request) {
        needed.add("ses:" + operation + " identity/" + parameterOf("SENDER_EMAIL", request instanceof SendEmailRequest send
                ? send.fromEmailAddress() : null));
        if (request instanceof SendEmailRequest send && send.configurationSetName() != null) {
            String expected = env.get("SES_CONFIGURATION_SET");
            needed.add("ses:" + operation + " configuration-set/" + (send.configurationSetName().equals(expected)
                    ? "EmailConfigurationSet" : send.configurationSetName()));
        }
    }

    /** The template parameter behind a function's sender address (SENDER_EMAIL is !Ref SenderEmail). */
    private String parameterOf(String variable, String address) {
        return address != null && address.equals(env.get(variable)) ? "SenderEmail" : String.valueOf(address);
    }

    /** The table's logical id in the template (locally a table's name is its logical id, or its TableName). */
    private String table(String name) {
        return template.tableNamed(name).map(TemplateModel.Table::logicalId).orElse(name);
    }
}
