package io.kubeai.gitops.plan;

/**
 * A source's copy in a cache that Models share, and the loader Job that fills it.
 *
 * @param destination an s3:// prefix or a path under the cache volume's mount
 * @param job         the Job; two Models with the same source get equal Jobs
 */
record SharedCopy(String destination, LoaderJob job) {}
