package io.kubeai.gitops.adaptersync.config;

import java.util.Objects;

/**
 * One wanted adapter, as rendered by the generator.
 *
 * @param name      the adapter's name, unique within its Model; also its directory name under the adapters dir
 * @param url       where it comes from: {@code hf://}, {@code s3://} or a local path
 * @param cachePath optional: a local path or {@code s3://} prefix in the Model's cache where a loader already
 *                  copied it (with {@code .kubeai/complete.json}); {@code null} when there is none
 */
public record AdapterSpec(String name, String url, String cachePath) {

    public AdapterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
    }

    /** The name clients ask for, as KubeAI spells it: {@code <model>_<adapter>}. */
    public String servedName(String model) {
        return model + "_" + name;
    }
}
