package io.kubeai.gitops.plan;

/** The Service in front of a Model's pods, port 80 to the engine's named port http. */
public record ServicePlan(String name, String engine) {}
