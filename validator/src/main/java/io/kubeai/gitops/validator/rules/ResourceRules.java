package io.kubeai.gitops.validator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A container's requests and limits: each a quantity that parses and is not negative, no request
 * above its limit, and for extended resources (such as {@code nvidia.com/gpu}), which cannot be
 * overcommitted, a request equal to its limit.
 */
final class ResourceRules {
    private ResourceRules() {}

    static void check(JsonNode resources, String at, List<Problem> problems) {
        JsonNode requests = resources.path("requests");
        JsonNode limits = resources.path("limits");
        quantities(limits, at + "/limits", problems);
        quantities(requests, at + "/requests", problems);
        for (var request : requests.properties()) {
            String resource = request.getKey();
            Optional<BigDecimal> requested = Quantity.parse(request.getValue());
            Optional<BigDecimal> limit = limits.has(resource) ? Quantity.parse(limits.get(resource)) : Optional.empty();
            if (requested.isEmpty() || limit.isEmpty()) {
                continue;
            }
            String path = Pointer.of(at + "/requests", resource);
            if (extended(resource) && requested.get().compareTo(limit.get()) != 0) {
                problems.add(new Problem(
                        path,
                        "must be equal to the " + resource + " limit of " + text(limits.get(resource))
                                + ": extended resources cannot be overcommitted"));
            } else if (requested.get().compareTo(limit.get()) > 0) {
                problems.add(new Problem(
                        path,
                        "must be less than or equal to the " + resource + " limit of " + text(limits.get(resource))));
            }
        }
    }

    private static void quantities(JsonNode values, String at, List<Problem> problems) {
        for (var value : values.properties()) {
            if (!value.getValue().isTextual() && !value.getValue().isNumber()) {
                continue; // the wrong type: the schema says so
            }
            String path = Pointer.of(at, value.getKey());
            Optional<BigDecimal> quantity = Quantity.parse(value.getValue());
            if (quantity.isEmpty()) {
                problems.add(new Problem(
                        path,
                        "'" + text(value.getValue()) + "' is not a quantity: a number with an"
                                + " optional suffix (m, k, M, G, Ki, Mi, Gi, e3...), such as 500m, 2, 16Gi"));
            } else if (quantity.get().signum() < 0) {
                problems.add(new Problem(path, "must be greater than or equal to 0"));
            }
        }
    }

    /** Resources outside the kubernetes.io domain, which a device plugin advertises. */
    private static boolean extended(String resource) {
        int slash = resource.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String domain = resource.substring(0, slash);
        return !domain.equals("kubernetes.io") && !domain.endsWith(".kubernetes.io");
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }
}
