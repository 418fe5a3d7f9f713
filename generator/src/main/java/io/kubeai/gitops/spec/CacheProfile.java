package io.kubeai.gitops.spec;

/** A named cache profile of kubeai.yaml's {@code models.cache.profiles}. */
public record CacheProfile(String name, CacheStorage storage, Origin origin) {

    /** The profile name that means "no cache". */
    public static final String NONE = "None";
}
