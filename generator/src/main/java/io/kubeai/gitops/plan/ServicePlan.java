package io.kubeai.gitops.plan;

/** The Service in front of a Model's pods, port 80 to the engine's named port http. */
/**
 * @param name   the Service's object name
 * @param model  the Model's name as written, for its label and the pod selector
 * @param engine the Model's engine
 */
public record ServicePlan(String name, String model, String engine) {}
