package io.kubeai.gitops.testing.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3 server for tests: s3proxy in-process on 127.0.0.1 and a port chosen at run time, backed by
 * memory ({@link #start()}) or a directory ({@link #start(Path)}), with static credentials.
 *
 * <pre>{@code
 * try (S3TestServer s3 = S3TestServer.start()) {
 *   s3.createBucket("models").putObject("models", "llama/config.json", bytes);
 *   Map<String, String> env = s3.environment(); // AWS_* for a child process
 *   s3.requests(); // object operations served, with byte ranges
 * }
 * }</pre>
 */
public final class S3TestServer implements AutoCloseable {
    private static final String ACCESS_KEY = "test-access-key";
    private static final String SECRET_KEY = "test-secret-key-0123456789";
    private static final String REGION = "us-east-1";

    private final BlobStoreContext context;
    private final RecordingBlobStore store;
    private final S3Proxy proxy;
    private final String accessKey;
    private final String secretKey;
    private S3Client client;

    private S3TestServer(String provider, Properties overrides) {
        this(provider, overrides, ACCESS_KEY, SECRET_KEY);
    }

    private S3TestServer(String provider, Properties overrides, String accessKey, String secretKey) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        context = ContextBuilder.newBuilder(provider)
                .credentials("identity", "credential")
                .overrides(overrides)
                .buildView(BlobStoreContext.class);
        store = new RecordingBlobStore(context.getBlobStore());
        proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .ignoreUnknownHeaders(true)
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!"STARTED".equals(proxy.getState()) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (Exception e) {
            context.close();
            throw new IllegalStateException("cannot start s3proxy", e);
        }
    }

    /** Starts a server that keeps objects in memory. */
    public static S3TestServer start() {
        return new S3TestServer("transient-nio2", new Properties());
    }

    /** Starts an in-memory server that accepts only these keys (keys made elsewhere, as in a cluster). */
    public static S3TestServer withKeys(String accessKey, String secretKey) {
        return new S3TestServer("transient-nio2", new Properties(), accessKey, secretKey);
    }

    /** Starts a server that keeps objects under {@code dir} (one subdirectory a bucket). */
    public static S3TestServer start(Path dir) {
        Properties p = new Properties();
        p.setProperty("jclouds.filesystem.basedir", dir.toAbsolutePath().toString());
        return new S3TestServer("filesystem-nio2", p);
    }

    /** The endpoint, e.g. {@code http://127.0.0.1:41234}, for {@code AWS_ENDPOINT_URL}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public String region() {
        return REGION;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** The environment an S3 client in a child process needs: credentials, region, endpoint, path style. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ACCESS_KEY_ID", accessKey);
        env.put("AWS_SECRET_ACCESS_KEY", secretKey);
        env.put("AWS_REGION", REGION);
        env.put("AWS_ENDPOINT_URL", endpoint().toString());
        env.put("AWS_S3_FORCE_PATH_STYLE", "true");
        return env;
    }

    /** A path-style client for this server; closed with the server. */
    public synchronized S3Client client() {
        if (client == null) {
            client = S3Client.builder()
                    .endpointOverride(endpoint())
                    .region(Region.of(REGION))
                    .credentialsProvider(
                            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                    .forcePathStyle(true)
                    .httpClient(UrlConnectionHttpClient.builder().build())
                    .build();
        }
        return client;
    }

    public S3TestServer createBucket(String bucket) {
        client().createBucket(b -> b.bucket(bucket));
        return this;
    }

    public S3TestServer putObject(String bucket, String key, byte[] content) {
        client().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
        return this;
    }

    public S3TestServer putObject(String bucket, String key, Path file) {
        client().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
        return this;
    }

    /** The object's content; fails if it does not exist. */
    public byte[] getObject(String bucket, String key) {
        return client().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    public boolean exists(String bucket, String key) {
        try {
            client().headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** The keys under {@code prefix}, sorted. */
    public List<String> listKeys(String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        client().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .forEach(keys::add);
        keys.sort(null);
        return keys;
    }

    /** The object operations served so far, in order. */
    public List<S3Request> requests() {
        return List.copyOf(store.requests);
    }

    public void clearRequests() {
        store.requests.clear();
    }

    /** Adds a fault; see {@link S3Fault}. */
    public S3TestServer addFault(S3Fault fault) {
        store.addFault(fault);
        return this;
    }

    public S3TestServer clearFaults() {
        store.clearFaults();
        return this;
    }

    @Override
    public void close() {
        try {
            if (client != null) {
                client.close();
            }
            proxy.stop();
        } catch (Exception e) {
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException(e);
        } finally {
            context.close();
        }
    }
}
