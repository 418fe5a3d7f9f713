/**
 * Destinations: where a file's parts go as they arrive ({@link io.kubeai.gitops.loader.dest.FileJob}),
 * what an earlier run already finished, and the marker. Adapters: {@code local} (a directory, e.g. a
 * PVC mount) and {@code s3} (a bucket cache).
 */
package io.kubeai.gitops.loader.dest;
