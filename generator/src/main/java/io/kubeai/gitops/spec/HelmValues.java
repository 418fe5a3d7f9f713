package io.kubeai.gitops.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeai.gitops.wording.ConfigHints;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sections of KubeAI's own Helm values (charts/kubeai/values.yaml) that kubeai.yaml also reads, so a
 * KubeAI user points the generator at the values they already have. What maps onto a rendered object is
 * read (secret names, pull secrets, the model pods' ServiceAccount); what configures KubeAI's controller,
 * proxy or autoscaler, none of which a GitOps deployment runs, gets one warning at its line.
 */
final class HelmValues {
    /** Keys of the chart that configure KubeAI's controller Deployment itself. */
    private static final List<String> CONTROLLER = List.of(
            "crds",
            "replicaCount",
            "image",
            "nameOverride",
            "command",
            "args",
            "serviceAccount",
            "podAnnotations",
            "podLabels",
            "podSecurityContext",
            "env",
            "securityContext",
            "service",
            "ingress",
            "resources",
            "livenessProbe",
            "readinessProbe",
            "volumes",
            "volumeMounts",
            "nodeSelector",
            "tolerations",
            "affinity");

    private static final List<String> CREDENTIALS =
            List.of("token", "accessKeyID", "secretAccessKey", "jsonKeyfile", "accessKeySecret");

    private final Fields root;
    private final String fullname;

    HelmValues(Fields root) {
        this.root = root;
        // The chart prefixes what it creates with its full name; its values set fullnameOverride: kubeai.
        this.fullname =
                root.string("fullnameOverride").filter(s -> !s.isEmpty()).orElse("kubeai");
    }

    /**
     * The Secret the chart's {@code secrets.<kind>} names: its {@code name}, else the one the chart
     * creates ({@code kubeai-huggingface}). A credential written in the values is reported: the generator
     * never writes a Secret, and a token in a Git repo is a leak.
     */
    Optional<String> secretName(String kind) {
        Fields secret = root.object("secrets").object(kind);
        if (!secret.isPresent()) {
            return Optional.empty();
        }
        for (String credential : CREDENTIALS) {
            if (secret.string(credential).filter(v -> !v.isEmpty()).isPresent()) {
                secret.warningAt(
                        credential,
                        ConfigHints.credentialInValues("secrets." + kind + "." + credential, nameOf(secret, kind)));
            }
        }
        secret.allow("create", "name");
        secret.finish();
        return Optional.of(nameOf(secret, kind));
    }

    private String nameOf(Fields secret, String kind) {
        return secret.string("name").filter(n -> !n.isEmpty()).orElse(fullname + "-" + kind);
    }

    /** The model pods' ServiceAccount and pull secrets: {@code modelServiceAccount.name}, {@code imagePullSecrets}. */
    KubeAIConfig.ModelPods modelPods() {
        Fields account = root.object("modelServiceAccount");
        Optional<String> name = account.string("name").filter(n -> !n.isEmpty());
        if (account.bool("create").orElse(false)) {
            account.warningAt(
                    "create",
                    ConfigHints.serviceAccountNotCreated(
                            name.map(n -> "'" + n + "'").orElse("the namespace's default ServiceAccount")));
        }
        account.raw("annotations")
                .filter(a -> a.size() > 0)
                .ifPresent(a -> account.warningAt("annotations", ConfigHints.serviceAccountAnnotations()));
        account.allow("automount");
        account.finish();
        return new KubeAIConfig.ModelPods(name, PullSecrets.read(root, "imagePullSecrets"));
    }

    /** One warning for each section that configures what a GitOps deployment does not run. */
    void warnIgnored() {
        List<String> controller = new ArrayList<>();
        for (String key : CONTROLLER) {
            if (root.raw(key).isPresent()) {
                controller.add(key);
            }
        }
        if (!controller.isEmpty()) {
            root.warningAt(controller.get(0), ConfigHints.controllerSettings(String.join(", ", controller)));
        }
        ignored("modelAutoscaling", ConfigHints.IGNORED_AUTOSCALING);
        ignored("modelRollouts", ConfigHints.IGNORED_ROLLOUTS);
        Fields messaging = root.object("messaging");
        if (!messaging.items("streams").isEmpty()) {
            messaging.warningAt("streams", ConfigHints.messagingStreams());
        }
        messaging.allow("errorMaxBackoff");
        messaging.finish();
        ignored("modelLoading", ConfigHints.IGNORED_LOADING);
        ignored("modelServerPods", ConfigHints.IGNORED_SERVER_PODS);
        Fields webui = root.object("open-webui");
        if (webui.bool("enabled").orElse(false)) {
            webui.warningAt("enabled", ConfigHints.openWebUi());
        }
        Fields monitor = root.object("metrics").object("prometheusOperator").object("vLLMPodMonitor");
        if (monitor.bool("enabled").orElse(false)) {
            monitor.warningAt("enabled", ConfigHints.podMonitor());
        }
        root.allow("open-webui", "metrics", "fullnameOverride", "secrets");
    }

    private void ignored(String key, String why) {
        Optional<JsonNode> value = root.raw(key);
        if (value.isPresent() && !(value.get().isContainerNode() && value.get().isEmpty())) {
            root.warningAt(key, ConfigHints.ignoredSection(key, why));
        }
    }
}
