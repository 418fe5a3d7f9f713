/**
 * The OpenAI-compatible finetuning API: uploaded training files go to a bucket, and each fine-tuning job
 * becomes a FineTuneJob spec committed to the GitOps repo with the commit-back library, so every job is
 * reviewed, versioned and applied like the rest of the repo. Sub-packages: {@code http} (the server,
 * auth, errors), {@code files} (the files API over S3), {@code jobs} (jobs: request, spec, commits,
 * status from Git and the cluster), {@code cli} (the program).
 */
package io.kubeai.gitops.finetune;
