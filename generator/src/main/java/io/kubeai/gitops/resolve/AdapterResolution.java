package io.kubeai.gitops.resolve;

import io.kubeai.gitops.spec.Adapter;
import io.kubeai.gitops.spec.SourceUrl;
import java.util.Optional;

/**
 * An adapter with its URL parsed once.
 *
 * @param adapter the adapter as declared
 * @param source  its parsed URL, or why it is not one (validate reports that)
 */
public record AdapterResolution(Adapter adapter, SourceUrl.Result source) {

    /** The adapter with a usable URL, when it has one. */
    Optional<ResolvedAdapter> complete() {
        return source.url().filter(SourceUrl::cacheable).map(u -> new ResolvedAdapter(adapter, u, Names.cacheKey(u)));
    }
}
