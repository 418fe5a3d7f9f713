/**
 * An S3 prefix as the cache (the bucket cache). Parts stream through a bounded pool of memory
 * buffers into multipart uploads; a file's upload is completed only after its sha256 matched, and
 * its object carries the sha256 and the source identity in user metadata, so a resumed run skips
 * objects that are already right. A file interrupted mid-upload starts over.
 */
package io.kubeai.gitops.loader.dest.s3;
