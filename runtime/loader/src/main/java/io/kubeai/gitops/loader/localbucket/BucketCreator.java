package io.kubeai.gitops.loader.localbucket;

import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderException.Reason;
import io.kubeai.gitops.loader.location.BucketLocation.Store;
import io.kubeai.gitops.loader.source.s3.S3Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Creates buckets through the S3 API, leaving those that exist alone. The store may still be starting
 * (the bucket's Deployment and this Job are applied together), so a refused connection or a 5xx is
 * retried until the deadline; a refused signature is not.
 */
public final class BucketCreator {
    private final S3Settings settings;
    private final Duration timeout;
    private final Duration interval;
    private final Consumer<String> log;

    public BucketCreator(LoaderEnv env, Duration timeout, Duration interval, Consumer<String> log)
            throws LoaderException {
        this.settings = S3Settings.of(Store.S3, env);
        this.timeout = timeout;
        this.interval = interval;
        this.log = log;
    }

    /** Every bucket of {@code buckets} exists when this returns. */
    public void ensure(List<String> buckets) throws LoaderException {
        Instant deadline = Instant.now().plus(timeout);
        try (S3Client s3 = client()) {
            for (String bucket : buckets) {
                while (!ensure(s3, bucket, deadline)) {
                    sleep();
                }
            }
        }
    }

    /** True when the bucket exists now; false when the store did not answer yet. */
    private boolean ensure(S3Client s3, String bucket, Instant deadline) throws LoaderException {
        try {
            try {
                s3.headBucket(b -> b.bucket(bucket));
                log.accept("bucket " + bucket + " exists");
            } catch (NoSuchBucketException e) {
                create(s3, bucket);
            }
            return true;
        } catch (SdkClientException e) {
            return retryable(bucket, deadline, e.getMessage());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                // HEAD has no body: some stores answer a missing bucket with a bare 404.
                create(s3, bucket);
                return true;
            }
            if (e.statusCode() >= 500) {
                return retryable(bucket, deadline, "HTTP " + e.statusCode());
            }
            throw new LoaderException(
                    e.statusCode() == 401 || e.statusCode() == 403 ? Reason.AUTH : Reason.INPUT,
                    "the store refused bucket " + bucket + " (HTTP " + e.statusCode() + "): check "
                            + settings.credentialNames() + " and the endpoint");
        }
    }

    private void create(S3Client s3, String bucket) {
        try {
            s3.createBucket(b -> b.bucket(bucket));
            log.accept("bucket " + bucket + " created");
        } catch (BucketAlreadyOwnedByYouException e) {
            log.accept("bucket " + bucket + " exists");
        }
    }

    private boolean retryable(String bucket, Instant deadline, String why) throws LoaderException {
        if (Instant.now().isAfter(deadline)) {
            throw new LoaderException(
                    Reason.TIMEOUT,
                    "the store at " + settings.endpoint().map(Object::toString).orElse("AWS S3")
                            + " did not answer within " + timeout + " while creating bucket " + bucket + ": " + why);
        }
        log.accept("waiting for the store (" + why + ")");
        return false;
    }

    private void sleep() throws LoaderException {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoaderException(Reason.IO, "interrupted while waiting for the store");
        }
    }

    private S3Client client() {
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(settings.credentials())
                .forcePathStyle(settings.pathStyle())
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30))
                        .build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
