/** A fake vLLM server for tests and the benchmark: the runtime LoRA API and {@code /v1/models}, in-process. */
package io.kubeai.gitops.adaptersync.fakevllm;
