package io.kubeai.gitops.plan.traffic;

import java.util.List;

/**
 * An HTTPRoute from the user's Gateway to one Model: a request whose model header names the Model or one
 * of its adapters goes to the Model's backend.
 *
 * @param name             the route's name
 * @param model            the Model
 * @param gatewayName      the Gateway
 * @param gatewayNamespace its namespace, empty for the route's own
 * @param sectionName      one listener, or empty
 * @param header           the header the body-based router fills with the request's model
 * @param rules            the model names each rule matches (at most 64 per rule, 128 per route)
 * @param backendGroup     {@code inference.networking.k8s.io} for a pool, empty for a Service
 * @param backendKind      InferencePool or Service
 * @param backendName      the backend's name
 * @param backendPort      the Service's port; 0 for a pool, which has its own target ports
 * @param timeout          the request timeout
 */
public record RoutePlan(
        String name,
        String model,
        String gatewayName,
        String gatewayNamespace,
        String sectionName,
        String header,
        List<List<String>> rules,
        String backendGroup,
        String backendKind,
        String backendName,
        int backendPort,
        String timeout) {
    public RoutePlan {
        rules = rules.stream().map(List::copyOf).toList();
    }
}
