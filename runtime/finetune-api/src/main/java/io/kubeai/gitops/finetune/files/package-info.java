/** The files API: fine-tuning data checked line by line and kept in the files bucket. */
package io.kubeai.gitops.finetune.files;
