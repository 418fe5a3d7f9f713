/**
 * The types of the loader's public API that every stage shares: requests with their builders and
 * defaults, results, the completion marker, the listener, the environment and the one checked
 * exception. A leaf package: it imports nothing else of the loader, so the stages below the {@link
 * io.kubeai.gitops.loader.Loader} facade can use these types without a package cycle.
 */
package io.kubeai.gitops.loader.api;
