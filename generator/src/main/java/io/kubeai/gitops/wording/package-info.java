/**
 * The wording of every message the generator gives a user, in one place so that they read alike: what is
 * wrong and what to do. One class per stage that speaks ({@link io.kubeai.gitops.wording.ReaderHints} and
 * {@link io.kubeai.gitops.wording.ConfigHints} for the spec readers, {@link io.kubeai.gitops.wording.Hints}
 * for validation, {@link
 * io.kubeai.gitops.wording.RenderHints} for templates' output, {@link io.kubeai.gitops.wording.WriteHints}
 * for the output folder). A leaf: it takes values, not the stages' types, so every stage may import it
 * without a package cycle.
 */
package io.kubeai.gitops.wording;
