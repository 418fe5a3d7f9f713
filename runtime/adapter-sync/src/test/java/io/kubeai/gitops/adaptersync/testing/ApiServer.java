package io.kubeai.gitops.adaptersync.testing;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes API server for one test: fabric8's mock server in CRUD mode (objects stored, watches
 * served, as the real one does for a ConfigMap and Events) on 127.0.0.1 at a port chosen at run time,
 * and a client of it.
 */
public final class ApiServer implements AutoCloseable {

    public static final String NAMESPACE = "kubeai";

    private final KubernetesMockServer server;
    public final KubernetesClient client;

    public ApiServer() {
        server = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        client = server.createClient().inNamespace(NAMESPACE);
    }

    /** Creates or replaces the ConfigMap {@code name} with {@code adapters.json} set to {@code json}. */
    public void publish(String name, String json) {
        ConfigMap cm = new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NAMESPACE)
                .endMetadata()
                .withData(Map.of("adapters.json", json))
                .build();
        client.configMaps().inNamespace(NAMESPACE).resource(cm).createOr(op -> op.update());
    }

    public List<Event> events() {
        return client.v1().events().inNamespace(NAMESPACE).list().getItems();
    }

    /** Stops the server: the client's watches fail and reconnect attempts are refused. */
    public void stop() {
        server.destroy();
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
