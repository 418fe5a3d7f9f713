/**
 * Fine-tuning jobs: requests become FineTuneJob files committed to the GitOps repo; status is read back
 * from Git (the spec, the adapter on its Model) and from the training Job in the cluster.
 */
package io.kubeai.gitops.finetune.jobs;
