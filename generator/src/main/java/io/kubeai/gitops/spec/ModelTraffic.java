package io.kubeai.gitops.spec;

import java.util.Optional;

/**
 * The fields of a Model that KubeAI's request proxy reads, which the generator maps onto a Gateway's
 * endpoint picker and KEDA.
 *
 * @param targetRequests        in-flight requests per replica the autoscaler aims for; null means KubeAI's 100
 * @param scaleDownDelaySeconds how long load must stay low before a replica goes; null means KubeAI's 30
 * @param loadBalancing         how a request picks a replica
 */
public record ModelTraffic(
        Integer targetRequests, Integer scaleDownDelaySeconds, Optional<LoadBalancing> loadBalancing) {
    public static final int DEFAULT_TARGET_REQUESTS = 100;
    public static final int DEFAULT_SCALE_DOWN_DELAY = 30;

    public static ModelTraffic none() {
        return new ModelTraffic(null, null, Optional.empty());
    }

    public int targetRequestsOrDefault() {
        return targetRequests == null ? DEFAULT_TARGET_REQUESTS : targetRequests;
    }

    public int scaleDownDelayOrDefault() {
        return scaleDownDelaySeconds == null ? DEFAULT_SCALE_DOWN_DELAY : scaleDownDelaySeconds;
    }
}
