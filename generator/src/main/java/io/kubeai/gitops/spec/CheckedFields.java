package io.kubeai.gitops.spec;

import io.kubeai.gitops.wording.ConfigHints;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads of kubeai.yaml fields that check the value as they read it: pull policies against Kubernetes'
 * enum, URLs against {@link UrlRules}, quantities against {@link QuantityText}, folders against escaping
 * their volume. A wrong value is reported at its own line.
 */
final class CheckedFields {
    private CheckedFields() {}

    private static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");

    /** A Kubernetes name where one is expected, so a wrong one fails at its line and not in the cluster. */
    static Optional<String> kubernetesName(Fields fields, String field, KubernetesName syntax, String what) {
        Optional<String> value = fields.string(field);
        value.filter(v -> !v.isEmpty() && !syntax.accepts(v))
                .ifPresent(v -> fields.errorAt(
                        field, ConfigHints.kubernetesName(v, field, what, syntax == KubernetesName.DNS_LABEL)));
        return value;
    }

    /** The name of a Secret the rendered pods read: a secretKeyRef must name a DNS-1123 subdomain. */
    static Optional<String> secretName(Fields fields, String field) {
        return kubernetesName(fields, field, KubernetesName.DNS_SUBDOMAIN, "a Secret's name");
    }

    /** Kubernetes' three pull policies; anything else would be refused by the API server after the merge. */
    static String pullPolicy(Fields fields) {
        String policy = fields.string("imagePullPolicy").orElse("IfNotPresent");
        if (!PULL_POLICIES.contains(policy)) {
            fields.errorAt("imagePullPolicy", ConfigHints.unknownPullPolicy(policy));
            return "IfNotPresent";
        }
        return policy;
    }

    static Optional<String> url(Fields fields, String name, String secretHint) {
        Optional<String> value = fields.string(name);
        value.flatMap(v -> UrlRules.problem(v, secretHint)).ifPresent(p -> fields.errorAt(name, p));
        return value;
    }

    /** An http(s) endpoint; it reaches containers' environment, so it passes the URL rules too. */
    static Optional<String> httpUrl(Fields fields, String name, String secretHint) {
        Optional<String> value = url(fields, name, secretHint);
        value.filter(v -> !v.startsWith("http://") && !v.startsWith("https://"))
                .ifPresent(v -> fields.errorAt(name, ConfigHints.notHttpUrl(name)));
        return value;
    }

    /** A duration the runtime programs read: a whole number of ms, s, m or h (500ms, 60s, 2m). */
    static Optional<String> duration(Fields fields, String name) {
        Optional<String> value = fields.string(name);
        value.filter(v -> !v.matches("[0-9]{1,9}(ms|s|m|h)"))
                .ifPresent(v -> fields.errorAt(name, ConfigHints.notADuration(name, v)));
        return value;
    }

    /** A timeout such as {@code 3h} or {@code 1h30m}. */
    static Optional<java.time.Duration> timeout(Fields fields, String name) {
        Optional<String> value = fields.string(name);
        Optional<java.time.Duration> parsed = value.flatMap(Durations::parse);
        if (value.isPresent() && parsed.isEmpty()) {
            fields.errorAt(name, ConfigHints.notATimeout(name, value.get()));
        }
        return parsed;
    }

    /**
     * A Kubernetes minor version, {@code "1.29"}. Unquoted, YAML reads 1.30 as the number 1.3, so a number is
     * refused with that hint rather than read wrongly.
     */
    static Optional<Version> kubernetesVersion(Fields fields, String name) {
        Optional<com.fasterxml.jackson.databind.JsonNode> raw = fields.raw(name);
        if (raw.isPresent() && raw.get().isNumber()) {
            fields.errorAt(
                    name, ConfigHints.unquotedKubernetesVersion(name, raw.get().asText()));
            return Optional.empty();
        }
        Optional<String> value = fields.string(name);
        Optional<Version> version =
                value.filter(v -> v.matches("v?1\\.[0-9]{1,3}(\\.[0-9]+)?")).flatMap(Version::parse);
        if (value.isPresent() && version.isEmpty()) {
            fields.errorAt(name, ConfigHints.notAKubernetesVersion(name, value.get()));
        }
        return version;
    }

    static Optional<String> quantity(Fields fields, String name) {
        Optional<String> value = fields.string(name);
        value.flatMap(v -> QuantityText.problem("'" + name + "'", v)).ifPresent(p -> fields.errorAt(name, p));
        return value;
    }

    static Map<String, String> quantities(Fields fields, String name) {
        Map<String, String> values = fields.stringMap(name);
        if (!values.isEmpty()) {
            Fields map = fields.object(name);
            values.forEach((resource, value) -> QuantityText.problem("'" + name + "." + resource + "'", value)
                    .ifPresent(p -> map.errorAt(resource, p)));
        }
        return values;
    }

    /** A folder inside the volume: a '..' would reach other Models' data, or none at all. */
    static String baseDir(Fields fields) {
        String value = ConfigReader.normalizeBaseDir(fields.string("baseDir").orElse("/models/"));
        if (List.of(value.split("/")).contains("..") || value.contains("$(") || value.contains("\\")) {
            fields.errorAt("baseDir", ConfigHints.baseDirEscapes());
        }
        return value;
    }
}
