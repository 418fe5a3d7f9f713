package io.kubeai.gitops.plan.traffic;

import java.util.List;

/**
 * A TriggerAuthentication mapping KEDA's Prometheus auth parameters onto keys of a user's Secret.
 *
 * @param name   the object's name
 * @param secret the Secret
 * @param refs   parameter to key
 */
public record TriggerAuthPlan(String name, String secret, List<Ref> refs) {
    public static final String NAME = "kubeai-prometheus";

    public TriggerAuthPlan {
        refs = List.copyOf(refs);
    }

    /** One KEDA parameter read from one Secret key. */
    public record Ref(String parameter, String key) {}
}
