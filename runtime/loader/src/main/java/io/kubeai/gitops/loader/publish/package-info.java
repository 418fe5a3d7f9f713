/**
 * Publishing a directory (a finetuned adapter): to {@code s3://} through the same verified transfer
 * as a load, or to {@code hf://} through the Hub's commit API with LFS uploads, the marker committed
 * in the same commit and the result checked against the Hub's listing.
 */
package io.kubeai.gitops.loader.publish;
