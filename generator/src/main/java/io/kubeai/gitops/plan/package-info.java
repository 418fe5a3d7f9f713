/**
 * Decides what to render for each Model and FineTuneJob: loader Jobs, gating, adapters, names and hashes.
 * Resolved repo in, {@link io.kubeai.gitops.plan.RenderPlan} out; it never parses a spec. A serving pod is
 * joined from immutable {@link io.kubeai.gitops.plan.PodParts} in an order
 * {@link io.kubeai.gitops.plan.ModelPlanner} states; each cache mode's rules live in its
 * {@link io.kubeai.gitops.plan.CacheLayout}, each engine's in its {@link io.kubeai.gitops.plan.EngineSetup}.
 * This is where the rules of the model-management proposal live.
 */
package io.kubeai.gitops.plan;
