/**
 * The {@code kubeai-loader} command line ({@code load}, {@code wait}, {@code publish}): a thin
 * adapter that turns options into requests, prints progress and errors with secrets redacted, and
 * maps outcomes to exit codes (0 done, 1 failed, 2 usage).
 */
package io.kubeai.gitops.loader.cli;
