/**
 * The loader's public API: fill a model cache ({@link io.kubeai.gitops.loader.Loader#load}), publish
 * a directory ({@link io.kubeai.gitops.loader.Loader#publish}) and wait for a cache to be complete
 * ({@link io.kubeai.gitops.loader.Loader#awaitComplete}). Requests are records with builders whose
 * defaults live in one place; credentials come from the environment ({@link
 * io.kubeai.gitops.loader.LoaderEnv}). No internal type appears in these signatures.
 */
package io.kubeai.gitops.loader;
