/**
 * The transfer engine: splits files into ranged parts, runs a bounded number at once with retries,
 * resumes a part where a failed attempt stopped, bounds memory with a buffer pool, and fetches a
 * file again once when it fails verification. {@link io.kubeai.gitops.loader.transfer.LoadRun} and
 * {@link io.kubeai.gitops.loader.transfer.WaitRun} are the use cases behind the public API.
 */
package io.kubeai.gitops.loader.transfer;
