/** The {@code kubeai} command line: a thin adapter over {@link io.kubeai.gitops.api}. */
package io.kubeai.gitops.cli;
