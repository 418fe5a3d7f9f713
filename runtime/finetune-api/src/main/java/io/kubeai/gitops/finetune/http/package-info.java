/** The HTTP front: OpenAI's paths, bearer auth, size limits, multipart uploads and OpenAI-shaped errors. */
package io.kubeai.gitops.finetune.http;
