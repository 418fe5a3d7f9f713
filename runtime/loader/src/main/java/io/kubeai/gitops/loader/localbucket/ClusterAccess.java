package io.kubeai.gitops.loader.localbucket;

import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The API server as a pod sees it: its address from {@code KUBERNETES_SERVICE_HOST} and {@code _PORT},
 * the pod's ServiceAccount token, namespace and cluster CA from the mounted service-account folder.
 *
 * @param apiServer the API server's base URL
 * @param token     the bearer token
 * @param namespace the pod's namespace
 * @param http      a client that trusts the cluster's CA (or the JDK's, without one)
 */
public record ClusterAccess(URI apiServer, String token, String namespace, HttpClient http) {
    /** Where the kubelet mounts a pod's ServiceAccount token. */
    public static final Path SERVICE_ACCOUNT_DIR = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

    /** The access of the pod this runs in; {@code apiServer} overrides the address from the environment. */
    public static ClusterAccess of(LoaderEnv env, Path serviceAccountDir, Optional<URI> apiServer)
            throws LoaderException {
        URI server = apiServer.orElseGet(() -> fromEnv(env));
        if (server == null) {
            throw new LoaderException(
                    Reason.INPUT,
                    "KUBERNETES_SERVICE_HOST is not set: run this in a pod, or name the API server with --api-server");
        }
        String token = read(serviceAccountDir.resolve("token"));
        String namespace = read(serviceAccountDir.resolve("namespace"));
        Path ca = serviceAccountDir.resolve("ca.crt");
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (Files.exists(ca)) {
            http.sslContext(trusting(ca));
        }
        return new ClusterAccess(server, token, namespace, http.build());
    }

    private static URI fromEnv(LoaderEnv env) {
        Optional<String> host = env.get("KUBERNETES_SERVICE_HOST");
        if (host.isEmpty()) {
            return null;
        }
        String h = host.get().contains(":") ? "[" + host.get() + "]" : host.get();
        return URI.create(
                "https://" + h + ":" + env.get("KUBERNETES_SERVICE_PORT").orElse("443"));
    }

    private static String read(Path file) throws LoaderException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new LoaderException(
                    Reason.INPUT,
                    "cannot read " + file + " (" + e.getMessage() + "): the pod needs its ServiceAccount token"
                            + " mounted (automountServiceAccountToken)");
        }
    }

    private static SSLContext trusting(Path ca) throws LoaderException {
        try (InputStream in = Files.newInputStream(ca)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new LoaderException(Reason.INPUT, "cannot read the cluster CA " + ca + ": " + e.getMessage());
        }
    }
}
