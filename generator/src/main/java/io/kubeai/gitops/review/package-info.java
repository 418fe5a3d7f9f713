/**
 * Pull-request review: what applying a freshly rendered tree instead of a committed {@code rendered/} tree
 * would do to the cluster ({@link io.kubeai.gitops.review.TreeChanges}), written as plain text or Markdown
 * (a PR comment, a job summary). {@code api.Generator#plan} renders the specs and asks this package to
 * compare; the package itself does not import the API. It reads rendered YAML only, so it also compares
 * trees rendered by another version of the generator, and it reads them back with plan's own names
 * ({@link io.kubeai.gitops.resolve.RenderedNames}).
 */
package io.kubeai.gitops.review;
