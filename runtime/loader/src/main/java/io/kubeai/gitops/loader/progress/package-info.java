/**
 * Progress for {@code kubectl logs}: counters the transfer updates, a reporter that prints a line
 * every few seconds (bytes, total, MB/s, ETA, files), and the text and JSON line formats.
 */
package io.kubeai.gitops.loader.progress;
