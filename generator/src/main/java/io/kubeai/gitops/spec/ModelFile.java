package io.kubeai.gitops.spec;

/** A file KubeAI mounts into the server container, such as a chat template. */
public record ModelFile(String path, String content) {}
