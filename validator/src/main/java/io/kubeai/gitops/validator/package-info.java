/**
 * Strict, offline validation of rendered Kubernetes manifests, the way {@code kubeconform -strict}
 * does it, against the schema catalog this jar carries or the OpenAPI documents and
 * CustomResourceDefinitions a user points at.
 *
 * <p>{@link io.kubeai.gitops.validator.ManifestValidator} is the entry point and
 * {@link io.kubeai.gitops.validator.Violation} what it finds; everything else here is
 * package-private, except {@link io.kubeai.gitops.validator.SchemaCatalogTool}, which writes the
 * catalog. A cluster's own {@code /openapi/v2} document can be used as it is instead. Each kind's OpenAPI schema is converted
 * to a JSON Schema once, compiled once by networknt's json-schema-validator, and reused for every
 * document of that kind.
 */
package io.kubeai.gitops.validator;
