/**
 * Bounded retries with exponential backoff, full jitter and {@code Retry-After}, and the rule for
 * which failures are worth retrying.
 */
package io.kubeai.gitops.loader.retry;
