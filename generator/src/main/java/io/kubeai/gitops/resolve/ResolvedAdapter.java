package io.kubeai.gitops.resolve;

import io.kubeai.gitops.spec.Adapter;
import io.kubeai.gitops.spec.SourceUrl;

/**
 * An adapter ready to plan.
 *
 * @param adapter  the adapter as declared
 * @param source   its URL: hf://, s3://, gs:// or oss://
 * @param cacheKey the key of its copy in the Model's cache
 */
public record ResolvedAdapter(Adapter adapter, SourceUrl source, String cacheKey) {

    public String name() {
        return adapter.name();
    }
}
