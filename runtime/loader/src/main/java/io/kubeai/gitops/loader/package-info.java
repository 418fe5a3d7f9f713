/**
 * The loader's entry point: fill a model cache ({@link io.kubeai.gitops.loader.Loader#load}), publish
 * a directory ({@link io.kubeai.gitops.loader.Loader#publish}) and wait for a cache to be complete
 * ({@link io.kubeai.gitops.loader.Loader#awaitComplete}). Requests are records with builders whose
 * defaults live in one place; credentials come from the environment ({@link
 * io.kubeai.gitops.loader.api.LoaderEnv}). The requests, results and
 * other shared types live in {@link io.kubeai.gitops.loader.api}; no internal type appears in these
 * signatures. Nothing inside the loader imports this package, which keeps its packages free of cycles.
 */
package io.kubeai.gitops.loader;
