/**
 * In-process peers for tests, each bound to 127.0.0.1 on a port chosen at run time: an S3 server
 * ({@code s3}), a Hugging Face-compatible Hub ({@code hf}) and a Git smart-HTTP server ({@code git}),
 * plus what they share; the checks every rendered tree in every module's tests must pass
 * ({@link io.kubeai.gitops.testing.RenderedTreeChecks}); and architecture checks over a module's sources
 * ({@code arch}).
 */
package io.kubeai.gitops.testing;
