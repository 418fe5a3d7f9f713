package io.kubeai.gitops.loader;

import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.runtime.retry.RetryPolicy;
import io.kubeai.gitops.testing.hf.HfTestServer;
import io.kubeai.gitops.testing.s3.S3TestServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** Test peers and data: one s3proxy for the whole test run (it takes seconds to start), fast retries. */
public final class Peers {
    /** Retries that keep tests fast: 4 attempts, 10-50 ms backoff. */
    public static final RetryPolicy FAST_RETRY =
            new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5));

    private static S3TestServer s3;

    private Peers() {}

    /** The shared S3 server, started on first use and stopped when the test JVM exits. */
    public static synchronized S3TestServer s3() {
        if (s3 == null) {
            s3 = S3TestServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(s3::close));
        }
        return s3;
    }

    /** A fresh bucket on the shared server. */
    public static String bucket(String name) {
        String bucket = name + "-" + Long.toHexString(System.nanoTime());
        s3().createBucket(bucket);
        return bucket;
    }

    /** Deterministic pseudo-random bytes. */
    public static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** The environment a loader needs for these servers (either may be null). */
    public static Map<String, String> envVars(HfTestServer hub, S3TestServer s3, String token) {
        Map<String, String> env = new HashMap<>();
        if (hub != null) {
            env.put("HF_ENDPOINT", hub.endpoint().toString());
        }
        if (token != null) {
            env.put("HF_TOKEN", token);
        }
        if (s3 != null) {
            env.putAll(s3.environment());
        }
        return env;
    }

    public static LoaderEnv env(HfTestServer hub, S3TestServer s3, String token) {
        return LoaderEnv.of(envVars(hub, s3, token));
    }
}
