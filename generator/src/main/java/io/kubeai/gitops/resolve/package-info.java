/**
 * The stage between reading and validating: each spec's strings (URLs, engine names, cache and resource
 * profiles, a FineTuneJob's base Model) are parsed and looked up once into immutable values. Validate
 * reports on those values; plan reads the {@link io.kubeai.gitops.resolve.ResolvedRepo} they complete
 * into, and never parses a spec again. Object names and hashes ({@link io.kubeai.gitops.resolve.Names})
 * live here too, because a resolved value carries the names derived from it.
 */
package io.kubeai.gitops.resolve;
