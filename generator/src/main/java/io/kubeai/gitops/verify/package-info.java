/**
 * The check between render and write: every rendered file is validated strictly, against the
 * validator's schema catalog and the API server's rules, and any violation is an error that stops
 * the run before anything is written.
 */
package io.kubeai.gitops.verify;
