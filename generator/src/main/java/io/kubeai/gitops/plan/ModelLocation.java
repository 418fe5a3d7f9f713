package io.kubeai.gitops.plan;

import java.util.Optional;

/**
 * Where the engine finds the model's files once the pod starts.
 *
 * @param reference what the engine is told: a Hub repo id, an s3:// URL or a local path
 * @param scheme    hf, s3, local or ollama: how the engine reads {@code reference}
 * @param revision  a Hub revision the engine must ask for itself (only when it downloads from the Hub)
 */
record ModelLocation(String reference, String scheme, Optional<String> revision) {

    static final String MOUNT = "/model";

    static ModelLocation local() {
        return new ModelLocation(MOUNT, "local", Optional.empty());
    }
}
