package io.kubeai.gitops.hook.edit;

import java.util.Objects;

/**
 * One entry of a Model's {@code spec.adapters}.
 *
 * @param name the adapter's name, by which clients request it (the finetuning job's name)
 * @param url  where the adapter's files are, such as {@code s3://bucket/dir} or {@code hf://org/repo}
 */
public record Adapter(String name, String url) {

    public Adapter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
    }
}
