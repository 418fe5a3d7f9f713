/**
 * The check between render and write: every rendered file is validated strictly, against the
 * validator's schema catalog and the API server's rules, and any violation is an error that stops
 * the run before anything is written. It runs in the background while the new tree is written to
 * the scratch folder; the swap into the output waits for it.
 */
package io.kubeai.gitops.verify;
