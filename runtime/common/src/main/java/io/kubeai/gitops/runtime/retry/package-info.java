/**
 * The one retry policy of the runtime programs: how many attempts, how long between them (exponential
 * backoff with jitter, a server's {@code Retry-After} within a bound) and which HTTP statuses are worth
 * another attempt. The loops that retry stay with the work they repeat.
 */
package io.kubeai.gitops.runtime.retry;
