/**
 * Runs a rendered finetuning Job's pod on the local machine, without a cluster: its volumes become
 * folders, its containers' paths are mapped into them, their environment is resolved from test
 * Secrets, and each container runs as the program its image holds (the loader, a fake trainer, the
 * commit-back hook). What the Job says is taken literally, so a wrong mount, path or variable fails.
 */
package io.kubeai.gitops.hook.e2e;
