/**
 * The one type every stage reports problems with. A leaf package of the public API: the stages below
 * {@code api} import it without importing {@code api} itself, so no package cycle runs through it.
 */
package io.kubeai.gitops.api.diagnostic;
