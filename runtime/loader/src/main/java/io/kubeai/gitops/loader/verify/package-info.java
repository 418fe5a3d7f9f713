/**
 * Verification: the digests a file is checked against (sha256 always; md5 for single-part S3 ETags;
 * the git blob id for Hub files outside LFS), hashing of parts in file order as they complete, and
 * the marker's JSON form.
 */
package io.kubeai.gitops.loader.verify;
