package io.kubeai.gitops.validator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Metadata checks the API server makes for every object (ObjectMeta validation): the name in the
 * format its kind requires, the namespace, label keys and values, annotation keys and their total size.
 */
final class ObjectRules {
    /** {@code TotalAnnotationSizeLimitB}: keys and values together. */
    static final int ANNOTATIONS_MAX_BYTES = 256 * 1024;
    /** A CronJob's Jobs are named {@code <name>-<11 digits>}, and a Job's name must fit a label value. */
    static final int CRON_JOB_NAME_MAX = 52;

    /** How each kind's name is checked; the rest are DNS-1123 subdomains, like custom resources. */
    private enum NameFormat {
        SUBDOMAIN,
        LABEL,
        DNS1035_LABEL,
        PATH_SEGMENT
    }

    private static final Map<String, NameFormat> FORMATS = Map.of(
            "v1/Namespace", NameFormat.LABEL,
            "v1/Service", NameFormat.DNS1035_LABEL,
            "rbac.authorization.k8s.io/v1/Role", NameFormat.PATH_SEGMENT,
            "rbac.authorization.k8s.io/v1/ClusterRole", NameFormat.PATH_SEGMENT,
            "rbac.authorization.k8s.io/v1/RoleBinding", NameFormat.PATH_SEGMENT,
            "rbac.authorization.k8s.io/v1/ClusterRoleBinding", NameFormat.PATH_SEGMENT);

    private ObjectRules() {}

    static void check(JsonNode document, List<Problem> problems) {
        JsonNode metadata = document.path("metadata");
        String typeKey = document.path("apiVersion").asText("") + "/"
                + document.path("kind").asText("");
        JsonNode name = metadata.path("name");
        if (name.isTextual()) {
            name(typeKey, name.asText(), problems);
        } else if (!metadata.path("generateName").isTextual()) {
            problems.add(new Problem("/metadata", "name or generateName is required"));
        }
        JsonNode namespace = metadata.path("namespace");
        if (namespace.isTextual() && !namespace.asText().isEmpty()) {
            report("/metadata/namespace", Names.dns1123Label(namespace.asText()), problems);
        }
        labels(metadata.path("labels"), "/metadata/labels", problems);
        annotations(metadata.path("annotations"), "/metadata/annotations", problems);
    }

    static void labels(JsonNode labels, String at, List<Problem> problems) {
        for (var label : labels.properties()) {
            report(at, label.getKey(), Names.qualifiedName(label.getKey()), problems);
            if (label.getValue().isTextual()) {
                report(at, label.getKey(), Names.labelValue(label.getValue().asText()), problems);
            }
        }
    }

    static void annotations(JsonNode annotations, String at, List<Problem> problems) {
        long bytes = 0;
        for (var annotation : annotations.properties()) {
            String key = annotation.getKey();
            report(at, key, Names.qualifiedName(key.toLowerCase(java.util.Locale.ROOT)), problems);
            bytes += key.getBytes(StandardCharsets.UTF_8).length
                    + annotation.getValue().asText("").getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > ANNOTATIONS_MAX_BYTES) {
            problems.add(new Problem(
                    at,
                    "annotations are too long: " + bytes + " bytes, must have at most " + ANNOTATIONS_MAX_BYTES
                            + " bytes (keys and values together)"));
        }
    }

    private static void name(String typeKey, String name, List<Problem> problems) {
        String path = "/metadata/name";
        switch (FORMATS.getOrDefault(typeKey, NameFormat.SUBDOMAIN)) {
            case SUBDOMAIN -> report(path, Names.dns1123Subdomain(name), problems);
            case LABEL -> report(path, Names.dns1123Label(name), problems);
            case DNS1035_LABEL -> report(path, Names.dns1035Label(name), problems);
            case PATH_SEGMENT -> {
                if (name.equals(".") || name.equals("..") || name.contains("/") || name.contains("%")) {
                    problems.add(new Problem(path, "may not be '.' or '..' and may not contain '/' or '%'"));
                }
            }
        }
        if (typeKey.equals("batch/v1/CronJob") && name.length() > CRON_JOB_NAME_MAX) {
            problems.add(new Problem(path, "must be no more than 52 characters: the CronJob's Jobs add 11"));
        }
        if (typeKey.equals("batch/v1/Job") && name.length() > Names.LABEL_MAX) {
            problems.add(new Problem(
                    path,
                    "must be no more than 63 characters: the Job's pods carry it as a"
                            + " label value (batch.kubernetes.io/job-name)"));
        }
    }

    /**
     * Reports errors at the member {@code key} of {@code at}, making its path only when there are some:
     * every document has labels and annotations, and nearly all of them are fine.
     */
    private static void report(String at, String key, List<String> errors, List<Problem> problems) {
        if (!errors.isEmpty()) {
            report(Pointer.of(at, key), errors, problems);
        }
    }

    static void report(String path, List<String> errors, List<Problem> problems) {
        for (String error : errors) {
            problems.add(new Problem(path, error));
        }
    }
}
