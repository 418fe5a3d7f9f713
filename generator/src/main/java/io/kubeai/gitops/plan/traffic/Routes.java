package io.kubeai.gitops.plan.traffic;

import io.kubeai.gitops.spec.ServingSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTPRoutes of one Model. Gateway API allows 64 matches in a rule and 128 in a route, so a Model with
 * many adapters gets more rules, then more routes ({@code <model>}, {@code <model>-2}, ...).
 */
public final class Routes {
    static final int MATCHES_PER_RULE = 64;
    static final int MATCHES_PER_ROUTE = 128;

    private Routes() {}

    /** Routes for a vLLM Model go to its InferencePool; others to its Service, with no picker. */
    public static List<RoutePlan> of(ServedModel model, ServingSettings.Routing routing) {
        ServingSettings.GatewayRef gateway = routing.gateway().orElseThrow();
        List<String> names = model.requestNames();
        List<RoutePlan> routes = new ArrayList<>();
        for (int from = 0, n = 1; from < names.size(); from += MATCHES_PER_ROUTE, n++) {
            List<String> share = names.subList(from, Math.min(names.size(), from + MATCHES_PER_ROUTE));
            routes.add(new RoutePlan(
                    n == 1 ? model.objectName() : model.objectName() + "-" + n,
                    model.name(),
                    gateway.name(),
                    gateway.namespace().orElse(""),
                    gateway.sectionName().orElse(""),
                    routing.modelHeader(),
                    chunks(share, MATCHES_PER_RULE),
                    model.vllm() ? "inference.networking.k8s.io" : "",
                    model.vllm() ? "InferencePool" : "Service",
                    model.objectName(),
                    model.vllm() ? 0 : 80,
                    routing.requestTimeout()));
        }
        return routes;
    }

    /** The file of the n-th route (from 0). */
    public static String file(int index) {
        return index == 0 ? "httproute.yaml" : "httproute-" + (index + 1) + ".yaml";
    }

    static List<List<String>> chunks(List<String> names, int size) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < names.size(); from += size) {
            chunks.add(names.subList(from, Math.min(names.size(), from + size)));
        }
        return chunks;
    }
}
