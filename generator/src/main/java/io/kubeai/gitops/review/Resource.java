package io.kubeai.gitops.review;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Kubernetes object of a rendered tree and the file it came from ({@code models/llama/deployment.yaml},
 * relative to the tree, '/'-separated). Its identity is what the cluster sees: kind, namespace and name.
 */
record Resource(String path, JsonNode body) {

    String kind() {
        return body.path("kind").asText("");
    }

    String name() {
        return body.path("metadata").path("name").asText("");
    }

    String namespace() {
        return body.path("metadata").path("namespace").asText("");
    }

    /** What identifies the object in the cluster: the same key in both trees is the same object. */
    String key() {
        return kind() + "/" + displayName();
    }

    String displayName() {
        return namespace().isEmpty() ? name() : namespace() + "/" + name();
    }

    /** The folder holding the file: {@code models/llama}, {@code caches/efs}, or "" at the top. */
    String folder() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The Model of a file under {@code models/<model>/}, or null. */
    String model() {
        String[] parts = path.split("/");
        return parts.length >= 3 && parts[0].equals("models") ? parts[1] : null;
    }

    String label(String key) {
        return body.path("metadata").path("labels").path(key).asText(null);
    }

    String annotation(String key) {
        return body.path("metadata").path("annotations").path(key).asText(null);
    }

    boolean is(String kind) {
        return kind().equals(kind);
    }
}
