/** Parsing of source and destination URLs: {@code hf://}, {@code s3://}, {@code gs://}, {@code oss://} and local paths. */
package io.kubeai.gitops.loader.location;
