package io.kubeai.gitops.spec;

/** The Model annotations the generator reads. */
public final class Annotations {
    /** How long the server may take to start (its startup probe's budget), e.g. {@code 5h}. */
    public static final String STARTUP_TIMEOUT = "kubeai.org/startup-timeout";

    /**
     * {@code baseline} runs the server at the baseline Pod Security level instead of restricted (as root),
     * for images that need it; {@link #POD_SECURITY_REASON} must say why.
     */
    public static final String POD_SECURITY = "kubeai.org/pod-security";

    /** Why a Model opts out of the restricted Pod Security level; shown on its Deployment. */
    public static final String POD_SECURITY_REASON = "kubeai.org/pod-security-reason";

    /** Size of a Model's staticVolume disk, overriding the profile's size. */
    public static final String CACHE_SIZE = "kubeai.org/cache-size";

    private Annotations() {}
}
