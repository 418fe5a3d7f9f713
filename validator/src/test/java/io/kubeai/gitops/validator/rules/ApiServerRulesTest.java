package io.kubeai.gitops.validator.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule with the document that breaks it; the valid workload beside them breaks none. */
class ApiServerRulesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A Deployment that passes every rule; each test breaks one thing in it. */
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: llama-3-8b
              namespace: kubeai
              labels: {app.kubernetes.io/name: llama-3-8b}
              annotations: {argocd.argoproj.io/sync-wave: "3"}
            spec:
              selector:
                matchLabels: {app.kubernetes.io/name: llama-3-8b}
              template:
                metadata:
                  labels: {app.kubernetes.io/name: llama-3-8b}
                spec:
                  initContainers:
                    - name: wait-model
                      image: loader
                      volumeMounts: [{name: model, mountPath: /model}]
                  containers:
                    - name: server
                      image: vllm
                      ports: [{name: http, containerPort: 8000}]
                      env:
                        - {name: HF_TOKEN, valueFrom: {secretKeyRef: {name: huggingface, key: token}}}
                      envFrom: [{configMapRef: {name: llama-env}}]
                      resources:
                        requests: {cpu: 4, memory: 24Gi, nvidia.com/gpu: "1"}
                        limits: {cpu: "8", memory: 32Gi, nvidia.com/gpu: 1}
                      volumeMounts: [{name: model, mountPath: /model, readOnly: true}]
                  volumes:
                    - {name: model, persistentVolumeClaim: {claimName: llama-rox}}
                    - {name: files, configMap: {name: llama-files, items: [{key: chat.jinja, path: chat.jinja}]}}
            """;

    @Test
    void validWorkload_breaksNoRule() throws IOException {
        assertThat(check(DEPLOYMENT)).isEmpty();
    }

    @Test
    void serviceName_mustBeADns1035Label() throws IOException {
        assertThat(check("apiVersion: v1\nkind: Service\nmetadata: {name: 3-llama}\nspec: {}\n"))
                .extracting(Problem::path)
                .containsExactly("/metadata/name");
        assertThat(check("apiVersion: v1\nkind: Service\nmetadata: {name: llama.v1}\nspec: {}\n"))
                .isNotEmpty();
        assertThat(check("apiVersion: v1\nkind: Service\nmetadata: {name: llama-v1}\nspec: {}\n"))
                .isEmpty();
    }

    @Test
    void namespaceName_mustBeADns1123Label() throws IOException {
        assertThat(check("apiVersion: v1\nkind: Namespace\nmetadata: {name: team.a}\n"))
                .extracting(Problem::path)
                .containsExactly("/metadata/name");
    }

    @Test
    void otherNames_mustBeDns1123Subdomains_includingCustomResources() throws IOException {
        assertThat(check(DEPLOYMENT.replace("name: llama-3-8b\n  namespace", "name: Llama_3\n  namespace")))
                .extracting(Problem::path)
                .containsExactly("/metadata/name");
        assertThat(check("apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: My App}\n"))
                .extracting(Problem::path)
                .containsExactly("/metadata/name");
        assertThat(check("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: llama.files}\n"))
                .isEmpty();
    }

    @Test
    void rbacNames_arePathSegments() throws IOException {
        String role = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: '%s'}\n";
        assertThat(check(role.formatted("system:kubeai:Reader"))).isEmpty();
        assertThat(check(role.formatted("kubeai/reader")))
                .extracting(Problem::path)
                .containsExactly("/metadata/name");
    }

    @Test
    void namespace_mustBeADns1123Label() throws IOException {
        assertThat(check(DEPLOYMENT.replace("namespace: kubeai", "namespace: KubeAI")))
                .extracting(Problem::path)
                .containsExactly("/metadata/namespace");
    }

    @Test
    void objectWithoutName_isRefused() throws IOException {
        assertThat(check("apiVersion: v1\nkind: ConfigMap\nmetadata: {labels: {a: b}}\n"))
                .extracting(Problem::message)
                .containsExactly("name or generateName is required");
    }

    @Test
    void cronJobName_isAtMost52Characters_andJobName63() throws IOException {
        String cronJob = "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: %s}\nspec: {}\n";
        assertThat(check(cronJob.formatted("a".repeat(52)))).isEmpty();
        assertThat(check(cronJob.formatted("a".repeat(53))))
                .extracting(Problem::message)
                .containsExactly("must be no more than 52 characters: the CronJob's Jobs add 11");
        assertThat(check("apiVersion: batch/v1\nkind: Job\nmetadata: {name: " + "a".repeat(64) + "}\nspec: {}\n"))
                .extracting(Problem::path)
                .containsExactly("/metadata/name");
    }

    @Test
    void labels_keysAndValues() throws IOException {
        assertThat(check(DEPLOYMENT.replace(
                        "labels: {app.kubernetes.io/name: llama-3-8b}\n  annotations",
                        "labels: {app.kubernetes.io/name: llama-3-8b, kubeai/a/b: x, tier: -gpu}\n  annotations")))
                .extracting(Problem::path)
                .containsExactly("/metadata/labels/kubeai~1a~1b", "/metadata/labels/tier");
    }

    @Test
    void labelValue_over63Characters_inThePodTemplate() throws IOException {
        String longValue = "m".repeat(64);
        assertThat(check(DEPLOYMENT.replace(
                        "labels: {app.kubernetes.io/name: llama-3-8b}\n    spec:",
                        "labels: {app.kubernetes.io/name: llama-3-8b, model: " + longValue + "}\n    spec:")))
                .extracting(Problem::path, Problem::message)
                .containsExactly(tuple("/spec/template/metadata/labels/model", "must be no more than 63 characters"));
    }

    @Test
    void annotations_keysAndTotalSize() throws IOException {
        assertThat(check("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, annotations: {'bad key': x}}\n"))
                .extracting(Problem::path)
                .containsExactly("/metadata/annotations/bad key");
        String big = "x".repeat(256 * 1024);
        assertThat(check("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, annotations: {note: " + big + "}}\n"))
                .extracting(Problem::path, Problem::message)
                .containsExactly(
                        tuple(
                                "/metadata/annotations",
                                "annotations are too long: 262148 bytes, must have at most 262144 bytes (keys and values together)"));
    }

    @Test
    void containerNames_areUniqueAcrossInitAndRegularContainers() throws IOException {
        assertThat(check(DEPLOYMENT.replace("- name: wait-model", "- name: server")))
                .extracting(Problem::path)
                .containsExactly("/spec/template/spec/containers/0/name");
    }

    @Test
    void containerName_mustBeADns1123Label() throws IOException {
        assertThat(check(DEPLOYMENT.replace("- name: server", "- name: vLLM.server")))
                .extracting(Problem::path)
                .containsOnly("/spec/template/spec/containers/0/name");
    }

    @Test
    void volumeNames_uniqueDns1123Labels() throws IOException {
        assertThat(check(DEPLOYMENT.replace("{name: files,", "{name: model,")))
                .extracting(Problem::message)
                .containsExactly("duplicate volume name 'model'");
        assertThat(check(DEPLOYMENT.replace("{name: files,", "{name: Files,")))
                .extracting(Problem::path)
                .containsExactly("/spec/template/spec/volumes/1/name");
    }

    @Test
    void portNames_areIanaServiceNames_uniqueInTheContainer() throws IOException {
        assertThat(check(DEPLOYMENT.replace(
                        "{name: http, containerPort: 8000}", "{name: openai-compatible, containerPort: 8000}")))
                .extracting(Problem::message)
                .containsExactly("must be no more than 15 characters");
        assertThat(check(DEPLOYMENT.replace(
                        "{name: http, containerPort: 8000}",
                        "{name: http, containerPort: 8000}, {name: http, containerPort: 8001}")))
                .extracting(Problem::message)
                .containsExactly("duplicate port name 'http'");
    }

    @Test
    void portNumbers_inRange() throws IOException {
        assertThat(check(DEPLOYMENT.replace("containerPort: 8000", "containerPort: 70000, hostPort: -1")))
                .extracting(Problem::path)
                .containsExactly(
                        "/spec/template/spec/containers/0/ports/0/containerPort",
                        "/spec/template/spec/containers/0/ports/0/hostPort");
    }

    @Test
    void envVarName_mayNotHoldAnEqualsSign() throws IOException {
        assertThat(check(DEPLOYMENT.replace("{name: HF_TOKEN,", "{name: HF=TOKEN,")))
                .extracting(Problem::path)
                .containsExactly("/spec/template/spec/containers/0/env/0/name");
    }

    @Test
    void keyReferences_nameAnObjectAndAWellFormedKey() throws IOException {
        assertThat(check(DEPLOYMENT.replace("{name: huggingface, key: token}", "{key: ..token}")))
                .extracting(Problem::path)
                .containsExactly(
                        "/spec/template/spec/containers/0/env/0/valueFrom/secretKeyRef/name",
                        "/spec/template/spec/containers/0/env/0/valueFrom/secretKeyRef/key");
        assertThat(check(
                        DEPLOYMENT.replace("secretKeyRef: {name: huggingface", "configMapKeyRef: {name: Hugging_Face")))
                .extracting(Problem::path)
                .containsExactly("/spec/template/spec/containers/0/env/0/valueFrom/configMapKeyRef/name");
    }

    @Test
    void envFrom_namesWellFormedObjects() throws IOException {
        assertThat(check(DEPLOYMENT.replace(
                        "configMapRef: {name: llama-env}", "configMapRef: {name: llama env}, prefix: 'A='")))
                .extracting(Problem::path)
                .containsExactly(
                        "/spec/template/spec/containers/0/envFrom/0/configMapRef/name",
                        "/spec/template/spec/containers/0/envFrom/0/prefix");
    }

    @Test
    void volumeMount_mustNameAVolumeOfThePod() throws IOException {
        assertThat(check(
                        DEPLOYMENT.replace("[{name: model, mountPath: /model}]", "[{name: cache, mountPath: /model}]")))
                .extracting(Problem::path, Problem::message)
                .containsExactly(tuple(
                        "/spec/template/spec/initContainers/0/volumeMounts/0/name",
                        "no volume named 'cache' in the pod: a volumeMount must name one of spec.volumes"));
    }

    @Test
    void mountPath_onlyOncePerContainer() throws IOException {
        assertThat(check(DEPLOYMENT.replace(
                        "[{name: model, mountPath: /model, readOnly: true}]",
                        "[{name: model, mountPath: /model}, {name: files, mountPath: /model}]")))
                .extracting(Problem::path)
                .containsExactly("/spec/template/spec/containers/0/volumeMounts/1/mountPath");
    }

    @Test
    void volumeSources_nameWellFormedObjectsAndKeys() throws IOException {
        assertThat(check(DEPLOYMENT.replace(
                        "configMap: {name: llama-files, items: [{key: chat.jinja,",
                        "configMap: {name: Llama, items: [{key: ..x,")))
                .extracting(Problem::path)
                .containsExactly(
                        "/spec/template/spec/volumes/1/configMap/name",
                        "/spec/template/spec/volumes/1/configMap/items/0/key");
        assertThat(check(DEPLOYMENT.replace("claimName: llama-rox", "claimName: ''")))
                .extracting(Problem::path)
                .containsExactly("/spec/template/spec/volumes/0/persistentVolumeClaim/claimName");
    }

    @Test
    void quantities_mustParse_andNotBeNegative() throws IOException {
        assertThat(check(DEPLOYMENT.replace("memory: 24Gi", "memory: 24GB").replace("cpu: 4,", "cpu: -4,")))
                .extracting(Problem::path)
                .containsExactly(
                        "/spec/template/spec/containers/0/resources/requests/cpu",
                        "/spec/template/spec/containers/0/resources/requests/memory");
    }

    @Test
    void request_aboveItsLimit_isRefused() throws IOException {
        assertThat(check(DEPLOYMENT.replace("memory: 32Gi", "memory: 16Gi")))
                .extracting(Problem::path, Problem::message)
                .containsExactly(tuple(
                        "/spec/template/spec/containers/0/resources/requests/memory",
                        "must be less than or equal to the memory limit of 16Gi"));
        assertThat(check(DEPLOYMENT.replace("cpu: 4,", "cpu: 8000m,"))).isEmpty();
    }

    @Test
    void extendedResource_requestMustEqualItsLimit() throws IOException {
        assertThat(check(DEPLOYMENT.replace("nvidia.com/gpu: 1}", "nvidia.com/gpu: 2}")))
                .extracting(Problem::path)
                .containsExactly("/spec/template/spec/containers/0/resources/requests/nvidia.com~1gpu");
    }

    @Test
    void jobPods_restartOnFailureOrNever_andDeploymentPodsAlways() throws IOException {
        String job = """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: load}
                spec:
                  template:
                    spec:
                      %s
                      containers: [{name: load, image: loader}]
                """;
        assertThat(check(job.formatted("restartPolicy: Never"))).isEmpty();
        assertThat(check(job.formatted("restartPolicy: Always")))
                .extracting(Problem::message)
                .containsExactly("'Always' is not allowed for a Job's pods: use OnFailure or Never");
        assertThat(check(job.formatted("")))
                .extracting(Problem::path)
                .containsExactly("/spec/template/spec/restartPolicy");
        assertThat(check(DEPLOYMENT.replace(
                        "      initContainers:", "      restartPolicy: OnFailure\n      initContainers:")))
                .extracting(Problem::path)
                .containsExactly("/spec/template/spec/restartPolicy");
    }

    @Test
    void cronJob_podTemplateIsChecked() throws IOException {
        assertThat(check("""
                        apiVersion: batch/v1
                        kind: CronJob
                        metadata: {name: sync}
                        spec:
                          schedule: "@daily"
                          jobTemplate:
                            spec:
                              template:
                                spec:
                                  restartPolicy: Never
                                  containers: [{name: Sync, image: loader}]
                        """))
                .extracting(Problem::path)
                .containsExactly("/spec/jobTemplate/spec/template/spec/containers/0/name");
    }

    @Test
    void selector_mustMatchTheTemplatesLabels() throws IOException {
        assertThat(check(DEPLOYMENT.replace(
                        "matchLabels: {app.kubernetes.io/name: llama-3-8b}", "matchLabels: {app: llama}")))
                .extracting(Problem::message)
                .containsExactly("selector does not match template labels: app=llama is missing");
    }

    @Test
    void podWithoutContainers_isRefused() throws IOException {
        assertThat(check("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: []}\n"))
                .extracting(Problem::path)
                .containsExactly("/spec/containers");
    }

    @Test
    void kustomization_isNoApiObject_andHasNoRules() throws IOException {
        assertThat(check("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n"))
                .isEmpty();
    }

    private static List<Problem> check(String yaml) throws IOException {
        JsonNode document = YAML.readTree(yaml);
        return ApiServerRules.check(document);
    }
}
