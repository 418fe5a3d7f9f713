package io.kubeai.gitops.plan;

import io.kubeai.gitops.spec.Scaling;
import java.util.Optional;

/**
 * Who owns the replica count. A Deployment only gets {@code replicas} when nothing else will change it;
 * with a range (minReplicas below maxReplicas) an autoscaler owns it and the field is left out, so a
 * GitOps engine and the autoscaler never fight over it.
 */
record Replicas(Integer fixed, Integer min, Integer max) {

    /**
     * {@code zeroAllowed}: something holds requests while the first pod starts (see
     * {@code ReplicaOwner.zeroAllowed}); only then does a written {@code minReplicas: 0} stay 0.
     */
    static Replicas of(Scaling spec, boolean zeroAllowed) {
        Integer min = spec.minReplicas();
        Integer max = spec.maxReplicas();
        int floor = zeroAllowed && min != null && min == 0 ? 0 : Math.max(1, min == null ? 1 : min);
        boolean range = max != null && !spec.autoscalingDisabled() && max > floor;
        if (range) {
            return new Replicas(null, floor, max);
        }
        if (spec.replicas() != null) {
            return new Replicas(spec.replicas(), null, null);
        }
        // KubeAI's default minReplicas of 0 scales to zero through its proxy; without it, one replica serves.
        int fixed = min != null && min > 0 ? min : (max != null && max > 0 ? Math.min(max, 1) : 1);
        return new Replicas(fixed, null, null);
    }

    boolean isRange() {
        return fixed == null;
    }

    /** The range's floor as a fixed count, for a Model that has a range but no autoscaler. */
    Replicas pinned() {
        return isRange() ? new Replicas(Math.max(1, min), null, null) : this;
    }

    Optional<Autoscaler> autoscaler(String name, String model) {
        return isRange() ? Optional.of(new Autoscaler(name, model, min, max)) : Optional.empty();
    }
}
