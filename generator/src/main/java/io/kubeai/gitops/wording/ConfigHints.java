package io.kubeai.gitops.wording;

import io.kubeai.gitops.api.diagnostic.Excerpt;

/**
 * The wording of what the readers report about kubeai.yaml: cache and resource profiles, GitOps and Git
 * settings, routing and autoscaling, and the sections of KubeAI's Helm values that a GitOps deployment reads
 * differently or not at all.
 */
public final class ConfigHints {
    private ConfigHints() {}

    private static String quote(String value) {
        return Excerpt.quote(value);
    }

    // kubeai.yaml

    public static String localBucketEndpoint() {
        return "a local bucket's endpoint is its own Service; remove endpoint, or local: true to use another store";
    }

    public static String notATimeout(String field, String value) {
        return "'" + field + "' " + quote(value) + " is not a duration; write e.g. 3h, 90m or 1h30m";
    }

    public static String unquotedKubernetesVersion(String field, String number) {
        return "quote '" + field + "': \"" + number + "\" as a string (unquoted, YAML reads 1.30 as the number 1.3)";
    }

    public static String notAKubernetesVersion(String field, String value) {
        return "'" + field + "' " + quote(value) + " is not a Kubernetes version; write e.g. \"1.29\"";
    }

    public static String cacheProfileTwice(String name) {
        return "cache profile '" + name + "' is also defined in models.cache.profiles; keep one of them";
    }

    public static String unknownGitopsEngine(String engine) {
        return "unknown gitops engine " + quote(engine) + "; use argocd, flux or plain";
    }

    public static String unknownGitopsUnits(String units) {
        return "unknown gitops.units " + quote(units)
                + "; use perModel (one Argo CD Application or Flux chain per Model and cache) or single";
    }

    public static String notADuration(String field, String value) {
        return "'" + field + "' " + quote(value)
                + " is not a duration; write a whole number with ms, s, m or h, e.g. 60s";
    }

    public static String unknownGitMode(String mode) {
        return "unknown mode " + quote(mode) + "; use push or branch";
    }

    public static String reservedProfileNone() {
        return "'None' is reserved: it means no cache; give the profile another name";
    }

    public static String bucketUrlNotS3() {
        return "bucket url must be an s3:// URL such as s3://my-bucket/models/";
    }

    public static String attachmentsAtLeastOne() {
        return "maxReadOnlyAttachments must be at least 1";
    }

    public static String oneStorageKind(String name, String kinds, int has) {
        return "cache profile " + quote(name) + " must have exactly one of " + kinds + " (it has " + has + ")";
    }

    public static String unknownSharedMode(String mode) {
        return "unknown mode " + quote(mode) + "; the only mode is SharedFilesystem";
    }

    public static String claimWithClass() {
        return "claimName names a claim that exists already; remove storageClass and persistentVolumeName, "
                + "which describe a claim the generator renders";
    }

    public static String sharedFilesystemWithoutVolume() {
        return "missing 'storageClass': set it to the ReadWriteMany storage class (e.g. efs-sc), or set "
                + "persistentVolumeName to a pre-provisioned PersistentVolume, or claimName to an existing claim";
    }

    public static String defaultProfileByKind(String written, String resolved) {
        return "defaultProfile '" + written + "' is not a profile name; using '" + resolved + "', the only " + written
                + " profile; write '" + resolved + "' to be explicit";
    }

    public static String unknownModelServer(String engine, String engines) {
        return "unknown engine " + quote(engine) + "; use one of " + engines;
    }

    public static String unknownOverlay(String name, String hint) {
        return "unknown overlay '" + name + "'; " + hint;
    }

    public static String nodeSelector(String key, String value) {
        return "nodeSelector " + quote(key + ": " + value) + " is not a valid Kubernetes label: a key is an optional "
                + "DNS prefix and '/' and a name of at most 63 letters, digits, '-', '_' and '.'; a value is at most "
                + "63 of them, starting and ending with a letter or digit";
    }

    public static String unknownPullPolicy(String policy) {
        return "unknown imagePullPolicy " + quote(policy) + "; use Always, IfNotPresent or Never";
    }

    public static String notHttpUrl(String field) {
        return "'" + field + "' must be an http:// or https:// URL";
    }

    public static String baseDirEscapes() {
        return "baseDir must be a folder inside the volume, without '..', '\\' or '$('";
    }

    public static String pullSecretWithoutName() {
        return "an image pull secret needs a 'name'";
    }

    public static String pullSecretItem(String field) {
        return "'" + field + "' items must be {name: <secret>} or a Secret's name";
    }

    // kubeai.yaml: serving (routing and autoscaling)

    public static String gatewayWithoutName() {
        return "routing mode gateway needs gateway.name: the Gateway (Istio, kgateway, GKE, Envoy AI Gateway) "
                + "that serves the Models' one endpoint, e.g. gateway: {name: inference-gateway}";
    }

    public static String unknownFailureMode(String mode) {
        return "unknown failureMode '" + mode + "'; use FailOpen or FailClose";
    }

    public static String requestTimeout(String timeout) {
        return "requestTimeout '" + timeout + "' is not a Gateway API duration; write e.g. 300s or 10m";
    }

    public static String modelHeader(String header) {
        return "modelHeader '" + header + "' is not an HTTP header name";
    }

    public static String prometheusAddress() {
        return "prometheus.serverAddress must be the http(s) URL KEDA queries, e.g. "
                + "http://prometheus-operated.monitoring.svc:9090";
    }

    public static String kedaWithoutPrometheus() {
        return "autoscaling mode keda needs prometheus.serverAddress: the Prometheus that scrapes the vLLM pods";
    }

    public static String pollingInterval() {
        return "pollingInterval must be at least 1 (seconds)";
    }

    public static String unknownAuthMode(String mode) {
        return "unknown auth mode '" + mode + "'; use bearer (Secret key token) or basic "
                + "(Secret keys username and password)";
    }

    public static String authWithoutSecret() {
        return "prometheus.auth needs secretName: the Secret holding the credentials";
    }

    /** @param label whether the name is a DNS-1123 label (no dots), else a subdomain */
    public static String kubernetesName(String value, String field, String what, boolean label) {
        return quote(value) + " is not a valid Kubernetes name for " + field + " (" + what + "): use "
                + (label ? "lowercase letters, digits and '-'" : "lowercase letters, digits, '-' and '.'")
                + ", starting and ending with a letter or digit";
    }

    public static String unknownChoice(String field, String written, String allowed) {
        return "unknown " + field + " '" + written + "'; use " + allowed;
    }

    // kubeai.yaml written as KubeAI's Helm values

    public static String credentialInValues(String field, String secretName) {
        return field + " is a credential in a file committed to Git: remove it; the generator never writes "
                + "Secrets, create Secret '" + secretName + "' in the cluster instead";
    }

    /** @param runsAs {@code 'name'}, or the namespace's default ServiceAccount */
    public static String serviceAccountNotCreated(String runsAs) {
        return "the generator creates no ServiceAccount: model pods run as " + runsAs
                + "; create it yourself (with the annotations IRSA or Workload Identity need) and set "
                + "modelServiceAccount.name";
    }

    public static String serviceAccountAnnotations() {
        return "annotations of a ServiceAccount the generator does not create have no effect";
    }

    public static String controllerSettings(String keys) {
        return "KubeAI's controller settings (" + keys + ") are ignored: a GitOps "
                + "deployment runs no KubeAI controller or proxy";
    }

    public static final String IGNORED_AUTOSCALING =
            "configures KubeAI's autoscaler; a Model with a replica range gets a HorizontalPodAutoscaler instead";
    public static final String IGNORED_ROLLOUTS =
            "configures KubeAI's rollouts; Deployments roll out with Kubernetes' defaults";
    public static final String IGNORED_LOADING = "names KubeAI's model loader; loader Jobs run loader.image";
    public static final String IGNORED_SERVER_PODS = "is not applied: the generator renders the model pods' security "
            + "contexts itself, and JSON patches have no counterpart (override deployment.yaml.ftl instead)";

    /** A Helm values section that a GitOps deployment does not use, and why (one of the IGNORED_ reasons). */
    public static String ignoredSection(String key, String why) {
        return "'" + key + "' " + why;
    }

    public static String messagingStreams() {
        return "KubeAI's messaging streams need its controller; they are not rendered";
    }

    public static String openWebUi() {
        return "Open WebUI is not rendered; install its own chart beside the rendered tree";
    }

    public static String podMonitor() {
        return "no PodMonitor is rendered; add one for the pods labelled kubeai.org/engine: VLLM";
    }

    public static String oneConfigDocument(int found) {
        return "kubeai.yaml must hold one document, found " + found;
    }
}
