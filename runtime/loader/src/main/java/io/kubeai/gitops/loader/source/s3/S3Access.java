package io.kubeai.gitops.loader.source.s3;

import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderException.Reason;
import io.kubeai.gitops.loader.api.TransferOptions;
import io.kubeai.gitops.loader.http.HttpResponse;
import io.kubeai.gitops.loader.http.HttpStatusException;
import io.kubeai.gitops.loader.http.HttpTransport;
import io.kubeai.gitops.loader.http.Rfc3986;
import io.kubeai.gitops.loader.location.BucketLocation.Store;
import io.kubeai.gitops.loader.retry.ErrorMapper;
import io.kubeai.gitops.loader.retry.Retrier;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * An S3 client, a URL signer and the loader's HTTP client for one store that speaks the S3 API (AWS,
 * an S3-compatible store, Alibaba OSS, Cloud Storage's XML API), configured by {@link S3Settings}.
 *
 * <p>Reading (listings, markers, object bytes) goes through signed requests on the loader's own HTTP
 * client; the SDK's S3 client, which takes about half a second to start (longer than a whole small
 * load), is built only when a write needs it (multipart uploads into a bucket cache).
 */
public final class S3Access implements AutoCloseable {
    private static final Duration SIGNATURE_TTL = Duration.ofMinutes(30);

    private final S3Settings settings;
    private final Supplier<S3Client> clientFactory;
    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final S3Presigner presigner;
    private final HttpTransport http;
    private final Retrier retrier;
    private final Map<String, Signed> gets = new ConcurrentHashMap<>();
    private S3Client client;

    private S3Access(
            S3Settings settings,
            Supplier<S3Client> clientFactory,
            AwsCredentialsProvider credentials,
            Region region,
            S3Presigner presigner,
            HttpTransport http,
            Retrier retrier) {
        this.settings = settings;
        this.clientFactory = clientFactory;
        this.credentials = credentials;
        this.region = region;
        this.presigner = presigner;
        this.http = http;
        this.retrier = retrier;
    }

    public static S3Access create(S3Settings settings, TransferOptions options, HttpTransport http, Retrier retrier) {
        AwsCredentialsProvider credentials = settings.credentials();
        Region region = Region.of(settings.region());
        Optional<URI> endpoint = settings.endpoint();
        boolean pathStyle = settings.pathStyle();
        // Even the client's builder loads hundreds of classes: made only when the client is first needed.
        Supplier<S3Client> client = () -> {
            var builder = S3Client.builder()
                    .region(region)
                    .credentialsProvider(credentials)
                    .forcePathStyle(pathStyle)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .httpClient(UrlConnectionHttpClient.builder()
                            .connectionTimeout(options.connectTimeout())
                            .socketTimeout(options.readTimeout())
                            .build())
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
            endpoint.ifPresent(builder::endpointOverride);
            return builder.build();
        };
        var presign = S3Presigner.builder()
                .region(region)
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(pathStyle)
                        .build());
        endpoint.ifPresent(presign::endpointOverride);
        return new S3Access(settings, client, credentials, region, presign.build(), http, retrier);
    }

    /** The SDK client, built on first use. */
    public synchronized S3Client client() {
        if (client == null) {
            client = clientFactory.get();
        }
        return client;
    }

    /**
     * Every object under a prefix, with ListObjectsV2 requests signed with SigV4 and sent on the
     * loader's HTTP client; pages are followed.
     */
    public List<ListObjectsXml.Entry> list(String bucket, String prefix) throws LoaderException {
        URI base = bucketUri(bucket);
        List<ListObjectsXml.Entry> all = new ArrayList<>();
        String token = null;
        do {
            String query = "list-type=2&prefix=" + Rfc3986.encode(prefix)
                    + (token == null ? "" : "&continuation-token=" + Rfc3986.encode(token));
            URI uri = URI.create(base + "?" + query);
            ListObjectsXml.Page page = retrier.call(
                    "listing " + url(bucket, prefix),
                    attempt -> {
                        try (HttpResponse r = http.get(uri, signedHeaders(uri))) {
                            return ListObjectsXml.parse(r.bytes());
                        }
                    },
                    mapper());
            all.addAll(page.entries());
            token = page.next();
        } while (token != null);
        return all;
    }

    /** An object's bytes through a presigned GET, or empty when it does not exist. */
    public Optional<byte[]> getIfExists(String bucket, String key) throws LoaderException {
        return retrier.call(
                "reading " + url(bucket, key),
                attempt -> {
                    try (HttpResponse r = http.get(presignGet(bucket, key), Map.of())) {
                        return Optional.of(r.bytes());
                    } catch (HttpStatusException e) {
                        if (e.status() == 404) {
                            return Optional.<byte[]>empty();
                        }
                        throw e;
                    }
                },
                mapper());
    }

    /**
     * The bucket's URL, path-style or virtual-hosted as the presigner's endpoint rules decide: a
     * presigned GET of a placeholder key, less that key and the signature.
     */
    private URI bucketUri(String bucket) {
        URI sample = presignGet(bucket, "k");
        String path = sample.getRawPath();
        path = path.substring(0, path.length() - 1);
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(sample.getScheme() + "://" + sample.getRawAuthority() + path);
    }

    private Map<String, String> signedHeaders(URI uri) {
        AwsCredentialsIdentity identity = credentials.resolveCredentials();
        if (identity.accessKeyId() == null) {
            return Map.of(); // Anonymous access to a public bucket: nothing to sign with.
        }
        SdkHttpRequest request =
                SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri).build();
        SignedRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(identity)
                        .request(request)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region.id())
                        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false));
        Map<String, String> headers = new LinkedHashMap<>();
        signed.request().headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Host")) {
                headers.put(k, String.join(",", v));
            }
        });
        return headers;
    }

    /** An object or prefix as a URL of this store, for messages: {@code oss://bucket/key}. */
    public String url(String bucket, String key) {
        return settings.store().scheme() + "://" + bucket + "/" + key;
    }

    public HttpTransport http() {
        return http;
    }

    public Retrier retrier() {
        return retrier;
    }

    /**
     * A presigned GET for an object, reused for all its ranges (the Range header is not signed) for
     * half its lifetime: signing takes about a millisecond, a part's request far less.
     */
    public URI presignGet(String bucket, String key) {
        long now = System.nanoTime();
        Signed cached = gets.get(bucket + "/" + key);
        if (cached != null && now - cached.signedAt() < SIGNATURE_TTL.toNanos() / 2) {
            return cached.uri();
        }
        URI uri = toUri(presigner
                .presignGetObject(p -> p.signatureDuration(SIGNATURE_TTL)
                        .getObjectRequest(g -> g.bucket(bucket).key(key)))
                .url());
        gets.put(bucket + "/" + key, new Signed(uri, now));
        return uri;
    }

    private record Signed(URI uri, long signedAt) {}

    public URI presignUploadPart(String bucket, String key, String uploadId, int partNumber) {
        return toUri(presigner
                .presignUploadPart(p -> p.signatureDuration(SIGNATURE_TTL)
                        .uploadPartRequest(u ->
                                u.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)))
                .url());
    }

    /** A presigned PUT and the headers that were signed with it and must be sent. */
    public record SignedPut(URI uri, Map<String, String> headers) {}

    public SignedPut presignPut(String bucket, String key, Map<String, String> metadata) {
        PresignedPutObjectRequest p = presigner.presignPutObject(r -> r.signatureDuration(SIGNATURE_TTL)
                .putObjectRequest(o -> o.bucket(bucket).key(key).metadata(metadata)));
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> h : p.signedHeaders().entrySet()) {
            if (!h.getKey().equalsIgnoreCase("host")) {
                headers.put(h.getKey(), String.join(",", h.getValue()));
            }
        }
        return new SignedPut(toUri(p.url()), headers);
    }

    /** Runs an SDK call with the loader's retries; S3 errors become HTTP status errors. */
    public <T> T call(String what, Supplier<T> call) throws LoaderException {
        return retrier.call(what, attempt -> sdk(call), mapper());
    }

    public static <T> T sdk(Supplier<T> call) throws IOException {
        try {
            return call.get();
        } catch (S3Exception e) {
            String code =
                    e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null
                    ? e.getMessage()
                    : e.awsErrorDetails().errorMessage();
            throw new HttpStatusException(
                    e.statusCode(),
                    null,
                    code,
                    "HTTP " + e.statusCode() + (code == null ? "" : " " + code)
                            + (message == null ? "" : ": " + message));
        } catch (SdkClientException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Maps S3 errors to messages that say what to do; never includes a secret. */
    public ErrorMapper mapper() {
        String store = settings.store() == Store.S3 ? "S3" : settings.store() == Store.OSS ? "OSS" : "Cloud Storage";
        return (what, e, exhausted) -> {
            if (e instanceof HttpStatusException h) {
                String code = h.errorCode() == null ? "" : h.errorCode();
                if (h.status() == 401 || h.status() == 403) {
                    return new LoaderException(
                            Reason.AUTH,
                            what + ": " + store + " refused the credentials (HTTP " + h.status()
                                    + (code.isEmpty() ? "" : " " + code)
                                    + "): check " + settings.credentialNames() + " and the bucket policy",
                            e);
                }
                if (code.equals("NoSuchBucket")) {
                    return new LoaderException(Reason.INPUT, what + ": the bucket does not exist", e);
                }
                if (h.status() == 404) {
                    return new LoaderException(Reason.INPUT, what + ": not found (HTTP 404)", e);
                }
                if (h.status() == 412) {
                    return new LoaderException(
                            Reason.VERIFICATION,
                            what + ": the object changed during the load"
                                    + " (ETag no longer matches); run the load again",
                            e);
                }
            }
            return ErrorMapper.DEFAULT.map(what, e, exhausted);
        };
    }

    private static URI toUri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
        presigner.close();
    }
}
