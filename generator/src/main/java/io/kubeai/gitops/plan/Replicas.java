package io.kubeai.gitops.plan;

import io.kubeai.gitops.spec.Scaling;
import java.util.Optional;

/**
 * Who owns the replica count. A Deployment only gets {@code replicas} when nothing else will change it;
 * with a range (minReplicas below maxReplicas) an autoscaler owns it and the field is left out, so a
 * GitOps engine and the autoscaler never fight over it.
 */
record Replicas(Integer fixed, Integer min, Integer max) {

    static Replicas of(Scaling spec) {
        Integer min = spec.minReplicas();
        Integer max = spec.maxReplicas();
        boolean range = max != null && !spec.autoscalingDisabled() && max > Math.max(1, min == null ? 1 : min);
        if (range) {
            return new Replicas(null, Math.max(1, min == null ? 1 : min), max);
        }
        if (spec.replicas() != null) {
            return new Replicas(spec.replicas(), null, null);
        }
        // KubeAI's default minReplicas of 0 scales to zero through its proxy; without it, one replica serves.
        int fixed = min != null && min > 0 ? min : (max != null && max > 0 ? Math.min(max, 1) : 1);
        return new Replicas(fixed, null, null);
    }

    Optional<Autoscaler> autoscaler(String name) {
        return fixed == null ? Optional.of(new Autoscaler(name, min, max)) : Optional.empty();
    }
}
