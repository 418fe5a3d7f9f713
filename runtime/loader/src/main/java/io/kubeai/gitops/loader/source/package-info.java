/**
 * Sources of files: what a source holds ({@link io.kubeai.gitops.loader.source.Listing}) and how to
 * read a byte range of one of its files. Adapters live in {@code hf}, {@code s3} and {@code local}.
 */
package io.kubeai.gitops.loader.source;
