package io.kubeai.gitops.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Drops object members whose value is {@code null}, which is what the API server makes of them: its
 * decoder leaves the field unset ({@code creationTimestamp: null}, as {@code kubectl create
 * --dry-run -o yaml} writes it, is accepted). kubeconform accepts them too, because its schemas let
 * every optional field be null. A required field that is null thus reads as missing. Nulls inside
 * arrays are kept: they are values, and rejected by the item's type.
 */
final class NullMembers {

    private NullMembers() {}

    /** The document without null members: the same instance when it has none, a pruned copy otherwise. */
    static JsonNode prune(JsonNode document) {
        return hasNullMember(document) ? pruned(document.deepCopy()) : document;
    }

    private static boolean hasNullMember(JsonNode node) {
        if (node.isObject()) {
            for (var member : node.properties()) {
                if (member.getValue().isNull() || hasNullMember(member.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (hasNullMember(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode pruned(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(member -> member.getValue().isNull());
            object.forEach(NullMembers::pruned);
        } else if (node instanceof ArrayNode array) {
            array.forEach(NullMembers::pruned);
        }
        return node;
    }
}
