/**
 * The small public surface the Maven plugin, the CLI and the runtime programs call: a
 * {@link io.kubeai.gitops.api.GenerateRequest}, a {@link io.kubeai.gitops.api.GenerateResult} and
 * {@link io.kubeai.gitops.api.diagnostic.Diagnostic}s. No internal type appears in its signatures.
 */
package io.kubeai.gitops.api;
