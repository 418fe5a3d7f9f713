package io.kubeai.gitops.spec;

/**
 * A LoRA adapter served on top of a Model, requested by clients as {@code <model>_<name>}.
 *
 * @param name   unique within the Model, {@code ^[a-z0-9-]+$}, at most 63 characters
 * @param url    where the adapter's files are (hf://, s3://, gs://, oss://)
 * @param origin the list item that declared it
 */
public record Adapter(String name, String url, Origin origin) {}
