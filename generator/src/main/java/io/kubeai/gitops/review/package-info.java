/**
 * Pull-request review: what merging a change to the specs would do to the cluster. {@link
 * io.kubeai.gitops.review.Review#plan} renders the specs into a temporary folder through the public
 * {@link io.kubeai.gitops.api} and compares the objects with a committed {@code rendered/} tree; the
 * {@link io.kubeai.gitops.review.PlanReport} reads as plain text or Markdown (a PR comment, a job summary).
 * It reads rendered YAML only, so it also compares trees rendered by another version of the generator.
 */
package io.kubeai.gitops.review;
