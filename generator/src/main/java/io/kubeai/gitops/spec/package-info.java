/**
 * The domain model as immutable records (Model, Adapter, CacheProfile, KubeAIConfig, FineTuneJob), the
 * YAML reader that builds them and the source map that ties every value back to file:line:column.
 * Reading never throws for a user's mistake: problems become {@link io.kubeai.gitops.api.diagnostic.Diagnostic}s.
 */
package io.kubeai.gitops.spec;
