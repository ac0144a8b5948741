package org.code.plp.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.code.plp.platform.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A subject access request's answer: every stored attribute of everything {@link PersonalData} finds, as JSON. */
public final class SubjectAccess {
    private SubjectAccess() {
    }

    public static ObjectNode export(String email, String generatedAt, PersonalData.Holdings holdings) {
        ObjectNode out = Json.object();
        out.put("email", email);
        out.put("generatedAt", generatedAt);
        ArrayNode applications = out.putArray("applications");
        for (PersonalData.Record record : holdings.applications()) {
            ObjectNode application = record(record, "payload");
            ArrayNode log = application.putArray("log");
            record.log().forEach(entry -> log.add(item(entry)));
            applications.add(application);
        }
        ArrayNode forms = out.putArray("interestForms");
        holdings.interestForms().forEach(record -> forms.add(record(record, null)));
        ArrayNode drafts = out.putArray("drafts");
        holdings.drafts().forEach(record -> drafts.add(record(record, "form")));
        ArrayNode other = out.putArray("otherEmails");
        holdings.otherEmails().forEach(sent -> other.add(item(sent)));
        return out;
    }

    /** A record with its emails; the form it stores as JSON text ({@code formAttribute}) as JSON under "form". */
    private static ObjectNode record(PersonalData.Record record, String formAttribute) {
        ObjectNode node = item(record.item());
        JsonNode form = formAttribute == null ? null : node.remove(formAttribute);
        if (form != null && form.isTextual()) {
            node.set("form", Json.read(form.textValue()));
        }
        ArrayNode emails = node.putArray("emails");
        record.outbox().forEach(sent -> emails.add(item(sent)));
        return node;
    }

    /** A DynamoDB item as JSON, attributes sorted by name. */
    static ObjectNode item(Map<String, AttributeValue> item) {
        ObjectNode node = Json.object();
        new TreeMap<>(item).forEach((name, value) -> node.set(name, value(value)));
        return node;
    }

    private static JsonNode value(AttributeValue value) {
        if (value.s() != null) {
            return Json.MAPPER.getNodeFactory().textNode(value.s());
        }
        if (value.n() != null) {
            return Json.MAPPER.getNodeFactory().numberNode(new BigDecimal(value.n()));
        }
        if (value.bool() != null) {
            return Json.MAPPER.getNodeFactory().booleanNode(value.bool());
        }
        if (value.hasM()) {
            return item(value.m());
        }
        ArrayNode list = Json.MAPPER.createArrayNode();
        if (value.hasL()) {
            value.l().forEach(v -> list.add(value(v)));
            return list;
        }
        if (value.hasSs()) {
            List.copyOf(value.ss()).forEach(list::add);
            return list;
        }
        return Json.MAPPER.getNodeFactory().nullNode();
    }
}
