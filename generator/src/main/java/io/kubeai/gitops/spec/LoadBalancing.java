package io.kubeai.gitops.spec;

import java.util.Optional;

/**
 * A Model's {@code spec.loadBalancing} as KubeAI writes it.
 *
 * @param strategy   LeastLoad, PrefixHash (or a newer KubeAI strategy, reported where it has no effect)
 * @param prefixHash PrefixHash's tuning, when given
 */
public record LoadBalancing(String strategy, Optional<PrefixHash> prefixHash) {
    public static final String LEAST_LOAD = "LeastLoad";
    public static final String PREFIX_HASH = "PrefixHash";

    /**
     * KubeAI's consistent hashing with bounded loads; each field is null when left out.
     *
     * @param meanLoadFactor   percent over the mean load an endpoint may take (KubeAI: 125)
     * @param replication      points per endpoint on the hash ring (KubeAI: 256)
     * @param prefixCharLength characters of the prompt that are hashed (KubeAI: 100)
     */
    public record PrefixHash(Integer meanLoadFactor, Integer replication, Integer prefixCharLength) {}
}
