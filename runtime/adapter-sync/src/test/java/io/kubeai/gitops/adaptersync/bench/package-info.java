/** The adapter-sync benchmark: a command, not a test (see {@link io.kubeai.gitops.adaptersync.bench.AdapterSyncBenchmark}). */
package io.kubeai.gitops.adaptersync.bench;
