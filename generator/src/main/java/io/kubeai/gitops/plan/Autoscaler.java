package io.kubeai.gitops.plan;

/** A HorizontalPodAutoscaler that owns the replica count when a Model gives a range. */
public record Autoscaler(String name, int minReplicas, int maxReplicas) {}
