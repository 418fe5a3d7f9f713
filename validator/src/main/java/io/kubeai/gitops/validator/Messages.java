package io.kubeai.gitops.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns json-schema-validator's messages into the ones people know from kubectl and kubeconform:
 * {@code unknown field 'foo'}, {@code missing required field 'name'}, {@code expected integer, got string}.
 * The wording of every schema violation lives here.
 */
final class Messages {
    /** The last anyOf/oneOf a message came through: its branches' failures are reported as one. */
    private static final Pattern COMBINATOR_BRANCH = Pattern.compile("^(.*/(?:anyOf|oneOf))/\\d+(?:/|$)");

    private Messages() {}

    static List<Finding> translate(Set<ValidationMessage> messages) {
        List<Finding> findings = new ArrayList<>();
        Map<String, List<ValidationMessage>> branches = new LinkedHashMap<>();
        for (ValidationMessage message : messages) {
            if (matchesNoBranch(message)) {
                // Its branches' own failures say more, and are reported below.
                continue;
            }
            Matcher branch =
                    COMBINATOR_BRANCH.matcher(message.getEvaluationPath().toString());
            if (branch.find()) {
                String key = message.getInstanceLocation() + " " + branch.group(1);
                branches.computeIfAbsent(key, unused -> new ArrayList<>()).add(message);
            } else {
                findings.add(translate(message));
            }
        }
        branches.values().forEach(failures -> findings.add(noBranchMatches(failures)));
        return findings;
    }

    /** A oneOf that no branch matched; json-schema-validator's first argument counts the branches that did. */
    private static boolean matchesNoBranch(ValidationMessage message) {
        Object[] arguments = message.getArguments();
        return message.getType().equals("oneOf")
                && arguments != null
                && arguments.length > 0
                && "0".equals(String.valueOf(arguments[0]));
    }

    static Finding translate(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        JsonNode instance = message.getInstanceNode();
        JsonNode schema = message.getSchemaNode();
        return switch (message.getType()) {
            case "additionalProperties" ->
                new Finding(
                        JsonPointers.append(location, message.getProperty()),
                        "unknown field '" + message.getProperty() + "'");
            case "required" -> new Finding(location, "missing required field '" + message.getProperty() + "'");
            case "type" -> new Finding(location, "expected " + expected(schema) + ", got " + typeOf(instance));
            case "enum" ->
                new Finding(location, "unsupported value " + show(instance) + ": supported values: " + showAll(schema));
            case "pattern" ->
                new Finding(location, show(instance) + " does not match the pattern '" + schema.asText() + "'");
            case "minLength" -> new Finding(location, "must be at least " + schema.asText() + " characters long");
            case "maxLength" -> new Finding(location, "must be at most " + schema.asText() + " characters long");
            case "minimum" -> new Finding(location, "must be at least " + schema.asText() + ", got " + show(instance));
            case "maximum" -> new Finding(location, "must be at most " + schema.asText() + ", got " + show(instance));
            case "exclusiveMinimum" ->
                new Finding(location, "must be greater than " + schema.asText() + ", got " + show(instance));
            case "exclusiveMaximum" ->
                new Finding(location, "must be less than " + schema.asText() + ", got " + show(instance));
            case "minItems" -> new Finding(location, "must have at least " + schema.asText() + " items");
            case "maxItems" -> new Finding(location, "must have at most " + schema.asText() + " items");
            case "oneOf" -> new Finding(location, "matches more than one of the forms allowed here");
            case "false" -> new Finding(location, "is not allowed here");
            default -> new Finding(location, message.getError());
        };
    }

    /** Either "expected integer or string, got boolean", or every branch's reason. */
    private static Finding noBranchMatches(List<ValidationMessage> failures) {
        String location = failures.get(0).getInstanceLocation().toString();
        Set<String> types = new LinkedHashSet<>();
        boolean onlyTypes = true;
        for (ValidationMessage failure : failures) {
            onlyTypes &= failure.getType().equals("type")
                    && failure.getInstanceLocation().toString().equals(location);
            if (onlyTypes) {
                types.add(expected(failure.getSchemaNode()));
            }
        }
        if (onlyTypes) {
            return new Finding(
                    location,
                    "expected " + String.join(" or ", types) + ", got "
                            + typeOf(failures.get(0).getInstanceNode()));
        }
        List<String> reasons = new ArrayList<>();
        for (ValidationMessage failure : failures) {
            Finding finding = translate(failure);
            String where = finding.path().equals(location) ? "" : finding.path().substring(location.length()) + ": ";
            reasons.add(where + finding.message());
        }
        return new Finding(location, "matches none of the forms allowed here: " + String.join("; or ", reasons));
    }

    private static String expected(JsonNode types) {
        if (types.isArray()) {
            List<String> names = new ArrayList<>();
            types.forEach(type -> names.add(type.asText()));
            return String.join(" or ", names);
        }
        return types.asText();
    }

    static String typeOf(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return value.isArray() ? "array" : "object";
    }

    /** Strings in single quotes like field names; everything else as JSON. */
    static String show(JsonNode value) {
        if (value == null) {
            return "null";
        }
        String text = value.isTextual() ? "'" + value.asText() + "'" : value.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private static String showAll(JsonNode values) {
        List<String> shown = new ArrayList<>();
        values.forEach(value -> shown.add(show(value)));
        return String.join(", ", shown);
    }
}
