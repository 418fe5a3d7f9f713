/**
 * kubeai-maven-plugin (goal prefix {@code kubeai}): thin Mojos over the generator's {@code api}. They map
 * parameters to a {@link io.kubeai.gitops.api.GenerateRequest}, log the diagnostics, and fail the build:
 * {@code MojoFailureException} for the user's mistakes, {@code MojoExecutionException} for I/O and bugs.
 */
package io.kubeai.gitops.maven;
