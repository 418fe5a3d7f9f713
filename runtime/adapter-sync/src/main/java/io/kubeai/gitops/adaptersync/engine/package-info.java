/**
 * The vLLM runtime LoRA API over {@link java.net.http.HttpClient}: list, load and unload. Responses differ
 * between vLLM versions (plain-text or JSON success, several error shapes, 400 or 404 for the same case), so
 * this package only extracts a readable message; callers treat {@code GET /v1/models} as the truth of what is
 * loaded.
 */
package io.kubeai.gitops.adaptersync.engine;
