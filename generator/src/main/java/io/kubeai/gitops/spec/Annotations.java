package io.kubeai.gitops.spec;

/** The Model annotations the generator reads. */
public final class Annotations {
    /** Size of a Model's staticVolume disk, overriding the profile's size. */
    public static final String CACHE_SIZE = "kubeai.org/cache-size";

    private Annotations() {}
}
