/**
 * A directory as the cache (a PVC mount). Parts are written in place into
 * {@code .kubeai/partial/<path>} with positional writes, a one-byte-per-part map records finished
 * parts so a killed run resumes them, and a verified file is moved into place atomically and noted
 * in {@code .kubeai/verified.jsonl} so later runs skip it without hashing it again.
 */
package io.kubeai.gitops.loader.dest.local;
