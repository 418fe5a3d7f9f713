package io.kubeai.gitops.plan.traffic;

import io.kubeai.gitops.spec.ServingSettings;

/**
 * What owns the replica count of a Model that gives a range: nothing (the Deployment's replicas field),
 * an HPA on CPU, or KEDA on request metrics.
 */
public enum ReplicaOwner {
    /** The Deployment's {@code replicas}: the range's floor (at least 1). */
    FIXED,
    /** A HorizontalPodAutoscaler on CPU, the generator's behaviour before autoscaling was configurable. */
    CPU_HPA,
    /** A KEDA ScaledObject on the Model's requests in flight. */
    REQUESTS;

    public static ReplicaOwner of(ServingSettings.Autoscaling autoscaling, ServedModel model) {
        return switch (autoscaling.mode()) {
            case FIXED -> FIXED;
            case HPA_CPU -> CPU_HPA;
            case KEDA ->
                model.vllm()
                        ? REQUESTS
                        : switch (autoscaling.withoutRequestMetrics()) {
                            case FIXED -> FIXED;
                            case HPA_CPU -> CPU_HPA;
                        };
        };
    }

    /**
     * True when {@code minReplicas: 0} can be honoured: KEDA scales the Model, and its endpoint picker holds
     * requests (flow control) while the first pod starts, which also gives KEDA a metric to wake on.
     */
    public static boolean zeroAllowed(ServingSettings serving, ServedModel model) {
        return of(serving.autoscaling(), model) == REQUESTS
                && serving.routing().mode() == ServingSettings.RoutingMode.GATEWAY
                && serving.routing().endpointPicker().flowControl();
    }
}
