/** Parsing of source and destination URLs: {@code hf://}, {@code s3://} and local paths. */
package io.kubeai.gitops.loader.location;
