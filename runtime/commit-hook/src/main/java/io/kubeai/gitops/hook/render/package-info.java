/**
 * Re-rendering after the edit: the generator library behind a one-method interface, so the commit
 * carries the Model change and the rendered tree that goes with it.
 */
package io.kubeai.gitops.hook.render;
