/**
 * The {@code kubeai-commit-hook} command line (picocli): {@code commit-adapter} and {@code finish}
 * turn options, environment and mounted files into a request, run it, print one line per failure and
 * map it to an exit code. No output leaves without passing the redactor.
 */
package io.kubeai.gitops.hook.cli;
