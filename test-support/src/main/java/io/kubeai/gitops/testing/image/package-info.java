/**
 * Checks of the runtime images without a Docker daemon or a registry: a stand-in base image made from the
 * host's JRE ({@link io.kubeai.gitops.testing.image.CheckBaseImage}), and a reader of the image tarball Jib
 * builds on it ({@link io.kubeai.gitops.testing.image.ImageTarball}) that shows the image's configuration
 * and runs its entrypoint from the unpacked layers (to the end, or left running as a server: {@link
 * io.kubeai.gitops.testing.image.RunningImage}). {@link io.kubeai.gitops.testing.image.RuntimeImageCheck} is
 * what every runtime module's {@code ImageIT} checks.
 */
package io.kubeai.gitops.testing.image;
