/**
 * The commit-back hook: when a finetuning Job finishes, append its adapter to the base Model's
 * {@code spec.adapters} in the GitOps repo, re-render {@code rendered/} with the generator, commit and
 * push, retrying on the new head when another writer got there first. {@link
 * io.kubeai.gitops.hook.AdapterCommitter} is the entry point; {@code cli} is the command line over it.
 */
package io.kubeai.gitops.hook;
