/**
 * Git over JGit, no git binary: a shallow clone of one branch, fetch-and-reset for retries, staging
 * of exactly the paths the hook owns, commit and push, and JGit's exceptions turned into failures a
 * person can act on.
 */
package io.kubeai.gitops.hook.git;
