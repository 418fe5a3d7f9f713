package io.kubeai.gitops.plan;

/** A HorizontalPodAutoscaler that owns the replica count when a Model gives a range. */
/**
 * @param name  the object name of the autoscaler and of the Deployment it scales
 * @param model the Model's name as written, for its label
 */
public record Autoscaler(String name, String model, int minReplicas, int maxReplicas) {}
