/**
 * The Hugging Face Hub: revision resolution, the recursive tree listing, ranged downloads through
 * {@code resolve}, and the commit API with LFS uploads for publishing.
 */
package io.kubeai.gitops.loader.source.hf;
