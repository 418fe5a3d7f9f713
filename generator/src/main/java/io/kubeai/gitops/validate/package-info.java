/**
 * Checks across the spec that the reader cannot make on one document alone: names, URLs, profiles,
 * engines, adapters and replicas. Checks return diagnostics; they never throw for a user's mistake.
 * The wording of every hint lives in {@link io.kubeai.gitops.wording.Hints} (beside the other stages' wording).
 */
package io.kubeai.gitops.validate;
