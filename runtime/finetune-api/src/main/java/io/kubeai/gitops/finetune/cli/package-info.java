/** The program: environment in, the server up until the pod stops. */
package io.kubeai.gitops.finetune.cli;
