/**
 * Publishing the adapter for the {@code finish} command: the loader library's upload, with
 * verification and the completion marker, behind a one-method interface.
 */
package io.kubeai.gitops.hook.publish;
