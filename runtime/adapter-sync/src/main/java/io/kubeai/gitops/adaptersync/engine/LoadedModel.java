package io.kubeai.gitops.adaptersync.engine;

/**
 * One entry of {@code GET /v1/models}.
 *
 * @param id     the served name
 * @param root   for a LoRA adapter, the path it was loaded from (may be {@code null} in old versions)
 * @param parent for a LoRA adapter, the base model's id; {@code null} for the base model
 */
public record LoadedModel(String id, String root, String parent) {}
