/**
 * Decides what to render for each Model: cache mode, loader Jobs, gating, adapters, names and hashes.
 * Pure functions: spec in, {@link io.kubeai.gitops.plan.RenderPlan} out. This is where the rules of the
 * model-management proposal live.
 */
package io.kubeai.gitops.plan;
