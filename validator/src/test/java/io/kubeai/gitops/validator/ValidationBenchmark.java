package io.kubeai.gitops.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures throughput on what the generator's benchmark renders: 1,000 models, five documents each
 * (Deployment, Service, PersistentVolumeClaim, Job, ConfigMap), one YAML file per document.
 * Not a test, so the build stays fast and its timing never flakes; run it from the repository root with
 *
 * <pre>
 * mvn -q -o -B -pl validator test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp validator/target/classes:validator/target/test-classes:$(cat validator/target/test.classpath) \
 *     io.kubeai.gitops.validator.ValidationBenchmark [SCHEMA_DIR]
 * </pre>
 *
 * <p>With no argument it loads the built-in schema catalog (the first line reports how long that
 * took in this fresh JVM); {@code SCHEMA_DIR} (a folder with kubernetes-openapi/ and crds/) replaces it.
 *
 * <p>It reports both entry points: {@code validateYaml} (parsing included, as {@code kubeai validate}
 * reads files) and {@code validate(JsonNode)} (documents already in memory).
 */
public final class ValidationBenchmark {
    private static final int MODELS = 1_000;
    private static final int WARM_UP_ROUNDS = 5;
    private static final int MEASURED_ROUNDS = 5;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private ValidationBenchmark() {}

    public static void main(String[] args) throws Exception {
        long loadStart = System.nanoTime();
        long loadCpuStart = CPU.getCurrentThreadCpuTime();
        // The built-in catalog, as kubeai validate and generate use it; a folder argument replaces it.
        ManifestValidator validator = args.length > 0
                ? ManifestValidator.fromSharedDir(Path.of(args[0]))
                : ManifestValidator.builder().build();
        long loaded = System.nanoTime() - loadStart;
        long loadedCpu = CPU.getCurrentThreadCpuTime() - loadCpuStart;

        List<String> files = new ArrayList<>();
        for (int model = 0; model < MODELS; model++) {
            files.addAll(render("model-" + model));
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<JsonNode> trees = new ArrayList<>();
        for (String file : files) {
            trees.add(yaml.readTree(file));
        }

        long firstStart = System.nanoTime();
        int violations = validateAll(validator, files);
        long first = System.nanoTime() - firstStart;
        violations += validateTrees(validator, trees);
        if (violations > 0) {
            throw new IllegalStateException(violations + " violations in the benchmark's own documents");
        }
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            validateAll(validator, files);
            validateTrees(validator, trees);
        }
        long[] yamlBest = {Long.MAX_VALUE, Long.MAX_VALUE};
        long[] treeBest = {Long.MAX_VALUE, Long.MAX_VALUE};
        for (int round = 0; round < MEASURED_ROUNDS; round++) {
            long wall = System.nanoTime();
            long cpu = CPU.getCurrentThreadCpuTime();
            validateAll(validator, files);
            yamlBest[0] = Math.min(yamlBest[0], System.nanoTime() - wall);
            yamlBest[1] = Math.min(yamlBest[1], CPU.getCurrentThreadCpuTime() - cpu);
            wall = System.nanoTime();
            cpu = CPU.getCurrentThreadCpuTime();
            validateTrees(validator, trees);
            treeBest[0] = Math.min(treeBest[0], System.nanoTime() - wall);
            treeBest[1] = Math.min(treeBest[1], CPU.getCurrentThreadCpuTime() - cpu);
        }
        System.out.printf(
                Locale.ROOT,
                "schemas loaded in %d ms (cpu %d ms, fresh JVM); first pass over %d documents (compiling 5 kinds) %d ms%n",
                loaded / 1_000_000,
                loadedCpu / 1_000_000,
                files.size(),
                first / 1_000_000);
        report("validateYaml (parse + validate)", files.size(), yamlBest);
        report("validate(JsonNode)", trees.size(), treeBest);
    }

    private static int validateAll(ManifestValidator validator, List<String> files) {
        int violations = 0;
        for (int i = 0; i < files.size(); i++) {
            violations += validator
                    .validateYaml("rendered/" + i + ".yaml", files.get(i))
                    .size();
        }
        return violations;
    }

    private static int validateTrees(ManifestValidator validator, List<JsonNode> trees) {
        int violations = 0;
        for (JsonNode tree : trees) {
            violations += validator.validate(tree).size();
        }
        return violations;
    }

    /** Wall time, and the thread's CPU time, which other processes on a busy machine do not inflate. */
    private static void report(String what, int documents, long[] wallAndCpu) {
        System.out.printf(
                Locale.ROOT,
                "%-32s %d documents: wall %d ms = %,.0f documents/s; cpu %d ms = %,.0f"
                        + " documents/s (best of %d, after warm-up)%n",
                what,
                documents,
                wallAndCpu[0] / 1_000_000,
                documents / (wallAndCpu[0] / 1e9),
                wallAndCpu[1] / 1_000_000,
                documents / (wallAndCpu[1] / 1e9),
                MEASURED_ROUNDS);
    }

    private static List<String> render(String name) {
        return List.of(
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %1$s
                  namespace: models
                  labels: {app.kubernetes.io/name: %1$s, app.kubernetes.io/managed-by: kubeai-gitops}
                spec:
                  replicas: 1
                  selector:
                    matchLabels: {app.kubernetes.io/name: %1$s}
                  template:
                    metadata:
                      labels: {app.kubernetes.io/name: %1$s}
                    spec:
                      nodeSelector: {cloud.google.com/gke-accelerator: nvidia-l4}
                      tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
                      containers:
                        - name: server
                          image: vllm/vllm-openai:v0.6.3
                          args: ["--model", "/models/%1$s", "--port", "8000"]
                          env: [{name: HF_HUB_OFFLINE, value: "1"}]
                          ports: [{name: http, containerPort: 8000}]
                          resources:
                            requests: {cpu: 4, memory: 24Gi, nvidia.com/gpu: 1}
                            limits: {cpu: "8", memory: 32Gi, nvidia.com/gpu: "1"}
                          readinessProbe: {httpGet: {path: /health, port: http}, periodSeconds: 5}
                          startupProbe: {httpGet: {path: /health, port: 8000}, failureThreshold: 120}
                          volumeMounts: [{name: model-cache, mountPath: /models, readOnly: true}]
                      volumes:
                        - name: model-cache
                          persistentVolumeClaim: {claimName: %1$s-cache, readOnly: true}
                """.formatted(name), """
                apiVersion: v1
                kind: Service
                metadata: {name: %1$s, namespace: models}
                spec:
                  selector: {app.kubernetes.io/name: %1$s}
                  ports: [{name: http, port: 80, targetPort: http}]
                """.formatted(name), """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: %1$s-cache, namespace: models}
                spec:
                  accessModes: [ReadOnlyMany]
                  resources: {requests: {storage: 100Gi}}
                """.formatted(name), """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: %1$s-load, namespace: models}
                spec:
                  backoffLimit: 3
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers:
                        - name: loader
                          image: ghcr.io/kubeai-gitops/loader:0.1.0
                          args: ["--source", "hf://org/%1$s", "--target", "/models"]
                          volumeMounts: [{name: model-cache, mountPath: /models}]
                      volumes: [{name: model-cache, persistentVolumeClaim: {claimName: %1$s-cache}}]
                """.formatted(name), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: %1$s-adapters, namespace: models}
                data: {MAX_LORAS: "4"}
                """.formatted(
                                name));
    }
}
