/**
 * A Hugging Face Hub-compatible HTTP server for tests, with fault injection.
 *
 * <p>{@link io.kubeai.gitops.testing.hf.HfTestServer} speaks the subset of the Hub's HTTP API that
 * model loaders and publishers use: revision resolution, the recursive tree listing (sizes, git
 * oids, LFS sha256, cursor pagination), {@code resolve} downloads with {@code Range} and
 * {@code HEAD}, bearer-token auth, and the commit API with the LFS batch upload protocol. It binds to
 * 127.0.0.1 on a port chosen at run time, records every request, and injects faults on demand
 * ({@link io.kubeai.gitops.testing.hf.Fault}).
 */
package io.kubeai.gitops.testing.hf;
