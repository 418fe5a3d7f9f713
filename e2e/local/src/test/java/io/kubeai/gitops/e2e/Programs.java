package io.kubeai.gitops.e2e;

import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.loader.cli.LoaderMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The programs of our runtime images, started with a container's prepared arguments and environment: the
 * loader in this JVM (its entry point is the loader CLI), adapter-sync as a process of its own (its entry
 * point, on this test's class path) that talks to the cluster's API server. A container that names a
 * command, or an image this class does not know, is refused: the test would not be running the image's own
 * program.
 */
final class Programs {
    static final String LOADER_IMAGE = "ghcr.io/kubeai-gitops/kubeai-loader";
    static final String ADAPTER_SYNC_IMAGE = "ghcr.io/kubeai-gitops/kubeai-adapter-sync";

    private Programs() {}

    /** How a container that ran to its end ended. */
    record Exit(String container, int code, String out, String err) {
        @Override
        public String toString() {
            return "container " + container + ": exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** Runs a loader container (a Job's or an init container) to its end. */
    static Exit loader(LocalPod.Prepared c) {
        expect(c, LOADER_IMAGE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LoaderMain.run(
                c.args().toArray(String[]::new),
                LoaderEnv.of(c.env()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Exit(
                c.container().name(), code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Starts the adapter-sync sidecar as a process. The Kubernetes client in it finds the API server from
     * {@code KUBERNETES_MASTER}, which stands for what a pod's in-cluster configuration would give it.
     */
    static Process adapterSync(LocalPod.Prepared c, String apiServer, Path log) throws IOException {
        expect(c, ADAPTER_SYNC_IMAGE);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.kubeai.gitops.adaptersync.AdapterSyncCommand"));
        command.addAll(c.args());
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(c.env());
        env.put("KUBERNETES_MASTER", apiServer);
        env.put("KUBERNETES_AUTH_TRYKUBECONFIG", "false");
        env.put("KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false");
        return builder.start();
    }

    private static void expect(LocalPod.Prepared c, String image) {
        String named = c.container().image();
        if (!named.startsWith(image + ":") && !named.startsWith(image + "@")) {
            throw new IllegalArgumentException(
                    c.container().name() + " runs " + c.container().image() + ", not " + image);
        }
        if (!c.container().command().isEmpty()) {
            throw new IllegalArgumentException(c.container().name() + " overrides its image's entry point");
        }
    }
}
