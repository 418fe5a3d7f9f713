package io.kubeai.gitops.adaptersync.kube;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeai.gitops.adaptersync.log.Log;
import io.kubeai.gitops.adaptersync.reconcile.AdapterEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts {@code core/v1} Events about adapters on the sidecar's own pod, where {@code kubectl describe pod}
 * and {@code kubectl get events} show them beside the kubelet's. Events go out on a thread of their own
 * with a short queue: the reconciler never waits for the API server, and when the API server is slow or
 * refuses (no RBAC for Events), Events are dropped with one log line rather than queued without bound.
 */
public final class PodEvents implements AdapterEvents, AutoCloseable {

    /** The API server refuses longer messages. */
    private static final int MESSAGE_MAX = 1024;

    private static final String COMPONENT = "adapter-sync";

    private final KubernetesClient client;
    private final String namespace;
    private final String podName;
    private final String podUid;
    private final Clock clock;
    private final ThreadPoolExecutor sender;
    private final AtomicLong sequence = new AtomicLong();
    private volatile String lastError;

    public PodEvents(KubernetesClient client, String namespace, String podName, String podUid, Clock clock) {
        this.client = client;
        this.namespace = namespace;
        this.podName = podName;
        this.podUid = podUid;
        this.clock = clock;
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(64), r -> {
            Thread t = new Thread(r, "adapter-sync-events");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void loaded(String adapter, String servedName) {
        post("Normal", "AdapterLoaded", "Loaded LoRA adapter " + servedName);
    }

    @Override
    public void unloaded(String adapter, String servedName) {
        post("Normal", "AdapterUnloaded", "Unloaded LoRA adapter " + servedName + ": no longer in the ConfigMap");
    }

    @Override
    public void failing(String adapter, String servedName, String reason) {
        post(
                "Warning",
                "AdapterFailing",
                "LoRA adapter " + servedName + " is not served (the base model is, and the adapter is retried): "
                        + reason);
    }

    @Override
    public void configProblem(String problem) {
        if (problem != null) {
            post("Warning", "AdapterConfigInvalid", problem);
        }
    }

    private void post(String type, String reason, String message) {
        Instant now = clock.instant();
        String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
        Event event = new EventBuilder()
                .withNewMetadata()
                // Unique like client-go's "<object>.<hex nanos>", plus a sequence for events in one instant.
                .withName(podName + "." + Long.toHexString(now.getEpochSecond() * 1_000_000_000L + now.getNano())
                        + Long.toHexString(sequence.incrementAndGet()))
                .withNamespace(namespace)
                .endMetadata()
                .withNewInvolvedObject()
                .withApiVersion("v1")
                .withKind("Pod")
                .withName(podName)
                .withNamespace(namespace)
                .withUid(podUid)
                .withFieldPath("spec.initContainers{adapter-sync}")
                .endInvolvedObject()
                .withType(type)
                .withReason(reason)
                .withMessage(message.length() > MESSAGE_MAX ? message.substring(0, MESSAGE_MAX - 3) + "..." : message)
                .withFirstTimestamp(time)
                .withLastTimestamp(time)
                .withCount(1)
                .withNewSource()
                .withComponent(COMPONENT)
                .endSource()
                .withReportingComponent("kubeai.org/" + COMPONENT)
                .withReportingInstance(podName)
                .build();
        try {
            sender.execute(() -> send(event));
        } catch (RejectedExecutionException e) {
            Log.warn("Event dropped: too many waiting for the API server", "reason", reason);
        }
    }

    private void send(Event event) {
        try {
            client.v1().events().inNamespace(namespace).resource(event).create();
            lastError = null;
        } catch (RuntimeException e) {
            String message = e.getMessage();
            if (message != null && !message.equals(lastError)) {
                lastError = message;
                Log.warn("cannot post an Event (the log and /status still say it)", "error", message);
            }
        }
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
