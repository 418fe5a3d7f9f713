package io.kubeai.gitops.plan;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.kubeai.gitops.spec.KubeAIConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Environment that gives a container access to a source. Secrets are only ever referenced
 * ({@code secretKeyRef}, optional so that workload identity works without them), never written.
 * Keys follow KubeAI's Helm chart: {@code token} in the huggingface Secret, {@code accessKeyID} and
 * {@code secretAccessKey} in the aws Secret, {@code jsonKeyfile} in the gcp Secret, {@code accessKeyID}
 * and {@code accessKeySecret} in the alibaba Secret; the loader's extra keys (Cloud Storage HMAC keys,
 * the OSS region and endpoint) are optional keys of the same Secrets.
 */
final class Credentials {
    private final KubeAIConfig config;

    Credentials(KubeAIConfig config) {
        this.config = config;
    }

    List<EnvVar> forScheme(String scheme) {
        switch (scheme) {
            case "hf": {
                List<EnvVar> env = new ArrayList<>();
                env.add(secret("HF_TOKEN", config.secrets().huggingface(), "token"));
                config.huggingFace().endpoint().ifPresent(e -> env.add(plain("HF_ENDPOINT", e)));
                return env;
            }
            case "s3":
                return s3();
            case "gs": {
                // Without a key the loader asks the metadata server: Workload Identity.
                String gcp = config.secrets().gcp();
                return List.of(
                        secret("GCS_SERVICE_ACCOUNT_KEY", gcp, "jsonKeyfile"),
                        secret("GCS_HMAC_ACCESS_ID", gcp, "hmacAccessID"),
                        secret("GCS_HMAC_SECRET", gcp, "hmacSecret"));
            }
            case "oss": {
                String alibaba = config.secrets().alibaba();
                return List.of(
                        secret("OSS_ACCESS_KEY_ID", alibaba, "accessKeyID"),
                        secret("OSS_ACCESS_KEY_SECRET", alibaba, "accessKeySecret"),
                        secret("OSS_REGION", alibaba, "region"),
                        secret("OSS_ENDPOINT", alibaba, "endpoint"));
            }
            default:
                return List.of();
        }
    }

    List<EnvVar> s3() {
        List<EnvVar> env = new ArrayList<>();
        env.add(secret("AWS_ACCESS_KEY_ID", config.secrets().aws(), "accessKeyID"));
        env.add(secret("AWS_SECRET_ACCESS_KEY", config.secrets().aws(), "secretAccessKey"));
        env.add(plain("AWS_REGION", config.s3().region()));
        config.s3().endpoint().ifPresent(e -> env.add(plain("AWS_ENDPOINT_URL", e)));
        if (config.s3().pathStyle()) {
            env.add(plain("AWS_S3_FORCE_PATH_STYLE", "true"));
        }
        return env;
    }

    /** The Git Secret's keys, each optional: a public repo needs none, a token needs no user name. */
    static List<EnvVar> git(KubeAIConfig.GitSettings git) {
        return List.of(
                secret("GIT_USERNAME", git.secretName(), "username"),
                secret("GIT_PASSWORD", git.secretName(), "password"),
                secret("GIT_TOKEN", git.secretName(), "token"));
    }

    /** Extra variables vLLM's Run:ai streamer reads to reach an S3-compatible store. */
    List<EnvVar> runaiStreamer() {
        List<EnvVar> env = new ArrayList<>(s3());
        if (config.s3().pathStyle()) {
            env.add(plain("RUNAI_STREAMER_S3_USE_VIRTUAL_ADDRESSING", "0"));
        }
        return env;
    }

    static EnvVar plain(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }

    static EnvVar secret(String name, String secret, String key) {
        return new EnvVarBuilder()
                .withName(name)
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName(secret)
                .withKey(key)
                .withOptional(true)
                .endSecretKeyRef()
                .endValueFrom()
                .build();
    }
}
