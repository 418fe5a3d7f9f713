package io.kubeai.gitops.plan;

import java.util.Map;

/** A ConfigMap of a Model: its files, or its adapter list for the adapter-sync sidecar. */
public record ConfigMapPlan(String name, String model, Map<String, String> data) {}
