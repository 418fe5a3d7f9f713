package io.kubeai.gitops.loader.source.s3;

import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.location.BucketLocation.Store;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;

/**
 * How to reach one object store through the S3 API: AWS S3 (or a compatible store), Alibaba OSS's
 * S3-compatible endpoint, or Cloud Storage's XML API with HMAC keys.
 *
 * @param store the store, for URLs in messages
 * @param endpoint the endpoint; empty means AWS's own, chosen by region
 * @param region the region requests are signed for
 * @param pathStyle whether the bucket goes in the path instead of the host name
 * @param credentials where the signing keys come from
 * @param credentialNames the variables that hold the keys, named in error messages
 */
public record S3Settings(
        Store store,
        Optional<URI> endpoint,
        String region,
        boolean pathStyle,
        AwsCredentialsProvider credentials,
        String credentialNames) {

    static final String GCS_XML_ENDPOINT = "https://storage.googleapis.com";

    /** The settings for a store from the environment; see the README's table of variables. */
    public static S3Settings of(Store store, LoaderEnv env) throws LoaderException {
        return switch (store) {
            case S3 ->
                new S3Settings(
                        store,
                        env.s3Endpoint(),
                        env.awsRegion(),
                        env.s3PathStyle(),
                        awsCredentials(env),
                        "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY");
            case OSS -> oss(env);
            case GCS ->
                gcsHmac(env)
                        .orElseThrow(() -> new LoaderException(
                                LoaderException.Reason.INPUT,
                                "gs:// through the S3-compatible XML API needs HMAC keys in GCS_HMAC_ACCESS_ID and"
                                        + " GCS_HMAC_SECRET"));
        };
    }

    /**
     * Cloud Storage's XML API with HMAC keys, when {@code GCS_HMAC_ACCESS_ID} and {@code GCS_HMAC_SECRET}
     * are set; otherwise gs:// goes through the JSON API with OAuth tokens.
     */
    public static Optional<S3Settings> gcsHmac(LoaderEnv env) {
        Optional<String> id = env.get("GCS_HMAC_ACCESS_ID");
        Optional<String> secret = env.get("GCS_HMAC_SECRET");
        if (id.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        URI endpoint = URI.create(env.get("GCS_ENDPOINT").orElse(GCS_XML_ENDPOINT));
        // "auto" is the region Cloud Storage's XML API accepts in SigV4 signatures.
        return Optional.of(new S3Settings(
                Store.GCS,
                Optional.of(endpoint),
                "auto",
                isLocal(endpoint),
                keys(id.get(), secret.get(), Optional.empty()),
                "GCS_HMAC_ACCESS_ID, GCS_HMAC_SECRET"));
    }

    /**
     * Alibaba OSS's S3-compatible API: {@code https://s3.oss-<region>.aliyuncs.com} unless {@code
     * OSS_ENDPOINT} names another (an internal endpoint, {@code s3.oss-<region>-internal.aliyuncs.com}).
     * OSS only takes virtual-hosted bucket addressing, so path style is used only for a local endpoint.
     */
    private static S3Settings oss(LoaderEnv env) throws LoaderException {
        Optional<String> region = env.get("OSS_REGION").map(r -> r.toLowerCase(Locale.ROOT));
        if (region.isEmpty()) {
            throw new LoaderException(
                    LoaderException.Reason.INPUT,
                    "oss:// needs OSS_REGION, the bucket's region id (e.g. cn-hangzhou); OSS_ENDPOINT may name"
                            + " the endpoint as well");
        }
        String r = region.get().startsWith("oss-") ? region.get().substring(4) : region.get();
        URI endpoint = URI.create(env.get("OSS_ENDPOINT").orElse("https://s3.oss-" + r + ".aliyuncs.com"));
        Optional<String> id = env.get("OSS_ACCESS_KEY_ID");
        Optional<String> secret = env.get("OSS_ACCESS_KEY_SECRET");
        AwsCredentialsProvider credentials = id.isPresent() && secret.isPresent()
                ? keys(id.get(), secret.get(), env.get("OSS_SESSION_TOKEN"))
                : AnonymousCredentialsProvider.create();
        return new S3Settings(
                Store.OSS,
                Optional.of(endpoint),
                r,
                isLocal(endpoint),
                credentials,
                "OSS_ACCESS_KEY_ID, OSS_ACCESS_KEY_SECRET");
    }

    /** A loopback or IP endpoint (a test server, a port-forward) cannot take the bucket as a host name. */
    private static boolean isLocal(URI endpoint) {
        String host = endpoint.getHost() == null ? "" : endpoint.getHost();
        return host.equals("localhost") || host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]");
    }

    private static AwsCredentialsProvider awsCredentials(LoaderEnv env) {
        Optional<String> id = env.get("AWS_ACCESS_KEY_ID");
        Optional<String> secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (id.isPresent() && secret.isPresent()) {
            return keys(id.get(), secret.get(), env.get("AWS_SESSION_TOKEN"));
        }
        if (!env.isSystem()) {
            return AnonymousCredentialsProvider.create();
        }
        // Environment and mounted files only (IRSA web identity, EKS Pod Identity, profile files); not
        // the instance metadata service, so a pod cannot borrow its node's role by accident.
        return AwsCredentialsProviderChain.builder()
                .reuseLastProviderEnabled(true)
                .credentialsProviders(
                        EnvironmentVariableCredentialsProvider.create(),
                        WebIdentityTokenFileCredentialsProvider.create(),
                        ContainerCredentialsProvider.create(),
                        ProfileCredentialsProvider.create())
                .build();
    }

    private static AwsCredentialsProvider keys(String id, String secret, Optional<String> session) {
        return StaticCredentialsProvider.create(
                session.isPresent()
                        ? AwsSessionCredentials.create(id, secret, session.get())
                        : AwsBasicCredentials.create(id, secret));
    }
}
