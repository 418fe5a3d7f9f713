package io.kubeai.gitops.plan.traffic;

import java.util.List;

/**
 * A KEDA ScaledObject that owns a Model's replica count.
 *
 * @param name            the Model's object name (its Deployment's)
 * @param model           the Model's name as written, for its label
 * @param minReplicas     the floor; 0 only where requests are held while the first pod starts
 * @param maxReplicas     the ceiling
 * @param pollingInterval seconds between queries
 * @param cooldown        seconds of no load before scaling to zero, and the scale-down stabilisation window
 * @param triggers        the Prometheus queries
 */
public record ScalerPlan(
        String name,
        String model,
        int minReplicas,
        int maxReplicas,
        int pollingInterval,
        int cooldown,
        List<Trigger> triggers) {

    public ScalerPlan {
        triggers = List.copyOf(triggers);
    }

    /**
     * One prometheus trigger.
     *
     * @param name                what it measures
     * @param serverAddress       the Prometheus URL
     * @param query               PromQL returning one number for the whole Model
     * @param threshold           the target per replica (AverageValue)
     * @param activationThreshold above this the Model leaves zero replicas
     * @param authModes           KEDA's authModes, empty without credentials
     * @param authentication      the TriggerAuthentication's name, empty without credentials
     */
    public record Trigger(
            String name,
            String serverAddress,
            String query,
            String threshold,
            String activationThreshold,
            String authModes,
            String authentication) {}
}
