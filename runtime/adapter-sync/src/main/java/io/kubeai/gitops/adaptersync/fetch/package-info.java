/**
 * Getting adapter files onto local disk. {@link io.kubeai.gitops.adaptersync.fetch.AdapterFetcher} hides the
 * loader library ({@link io.kubeai.gitops.adaptersync.fetch.LoaderFetcher}) so the reconciler can be tested
 * with any source; {@link
 * io.kubeai.gitops.adaptersync.fetch.AdapterFiles} owns the layout of the adapters directory (one directory
 * per adapter, downloads staged in {@code .incoming/} and moved into place, a marker naming the source).
 */
package io.kubeai.gitops.adaptersync.fetch;
