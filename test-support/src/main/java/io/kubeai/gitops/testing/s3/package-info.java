/**
 * An S3 server for tests: s3proxy in-process on 127.0.0.1 with a port chosen at run time, backed by
 * memory or a directory, recording the object operations it serves and injecting faults on demand.
 */
package io.kubeai.gitops.testing.s3;
