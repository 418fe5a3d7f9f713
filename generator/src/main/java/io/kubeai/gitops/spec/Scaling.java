package io.kubeai.gitops.spec;

/**
 * A Model's replica fields, null when the user left them out.
 *
 * @param replicas            fixed replica count
 * @param minReplicas         lower autoscaling bound
 * @param maxReplicas         upper autoscaling bound
 * @param autoscalingDisabled true pins the replica count
 */
public record Scaling(Integer replicas, Integer minReplicas, Integer maxReplicas, boolean autoscalingDisabled) {

    /** The most replicas the Model can run, at least one. */
    public int atMost() {
        int max = 1;
        for (Integer n : new Integer[] {replicas, minReplicas, maxReplicas}) {
            if (n != null) {
                max = Math.max(max, n);
            }
        }
        return max;
    }
}
