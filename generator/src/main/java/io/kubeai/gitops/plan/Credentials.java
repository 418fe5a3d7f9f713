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

    /** What a container needs to read or write {@code url}: its scheme's credentials, for s3:// its store's. */
    List<EnvVar> forUrl(String url) {
        int colon = url.indexOf("://");
        String scheme = colon < 0 ? "" : url.substring(0, colon);
        return scheme.equals("s3") ? s3(url) : forScheme(scheme);
    }

    private List<EnvVar> forScheme(String scheme) {
        switch (scheme) {
            case "hf": {
                List<EnvVar> env = new ArrayList<>();
                env.add(secret("HF_TOKEN", config.secrets().huggingface(), "token"));
                config.huggingFace().endpoint().ifPresent(e -> env.add(plain("HF_ENDPOINT", e)));
                return env;
            }
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

    /** The Hub's token and endpoint. */
    List<EnvVar> hf() {
        return forScheme("hf");
    }

    /**
     * S3 access to the store {@code url} is in. The local bucket's keys are required (its pods wait until
     * the credentials Job has filled the Secret), and nothing may fall back to a node's cloud identity.
     */
    List<EnvVar> s3(String url) {
        S3Store store = S3Store.of(config, url);
        List<EnvVar> env = new ArrayList<>();
        env.add(secret("AWS_ACCESS_KEY_ID", store.secret(), "accessKeyID", !store.local()));
        env.add(secret("AWS_SECRET_ACCESS_KEY", store.secret(), "secretAccessKey", !store.local()));
        env.add(plain("AWS_REGION", config.s3().region()));
        store.endpoint().ifPresent(e -> env.add(plain("AWS_ENDPOINT_URL", e)));
        if (store.pathStyle()) {
            env.add(plain("AWS_S3_FORCE_PATH_STYLE", "true"));
        }
        if (store.local()) {
            env.add(plain("AWS_EC2_METADATA_DISABLED", "true"));
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
    List<EnvVar> runaiStreamer(String url) {
        List<EnvVar> env = new ArrayList<>(s3(url));
        if (S3Store.of(config, url).pathStyle()) {
            env.add(plain("RUNAI_STREAMER_S3_USE_VIRTUAL_ADDRESSING", "0"));
        }
        return env;
    }

    static EnvVar plain(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }

    static EnvVar secret(String name, String secret, String key) {
        return secret(name, secret, key, true);
    }

    static EnvVar secret(String name, String secret, String key, boolean optional) {
        return new EnvVarBuilder()
                .withName(name)
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName(secret)
                .withKey(key)
                .withOptional(optional ? Boolean.TRUE : null)
                .endSecretKeyRef()
                .endValueFrom()
                .build();
    }
}
