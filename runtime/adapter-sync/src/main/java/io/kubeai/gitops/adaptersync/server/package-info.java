/**
 * The probe and status endpoints on the JDK's built-in HTTP server: {@code /readyz}, {@code /healthz} and
 * {@code /status}. They only read the reconciler's last published snapshot, so they answer at once even
 * while a pass waits on the engine.
 */
package io.kubeai.gitops.adaptersync.server;
