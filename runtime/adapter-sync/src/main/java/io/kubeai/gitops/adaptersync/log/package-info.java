/**
 * The sidecar's one-line-per-event log (text or JSON). A leaf package: every other package logs through
 * it, so it imports none of them.
 */
package io.kubeai.gitops.adaptersync.log;
