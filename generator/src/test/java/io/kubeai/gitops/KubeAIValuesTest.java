package io.kubeai.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.testing.RenderedTreeChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubeai.yaml may be a KubeAI user's own Helm values: what maps onto rendered objects is honoured, the rest
 * is reported at its line. (The kubeai-catalog golden case renders KubeAI's default values file whole.)
 */
class KubeAIValuesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path repo;

    @Test
    void secrets_areTheOnesKubeAIsChartNames_andACredentialInTheFileIsReported() throws Exception {
        List<String> warnings = generate(
                "fullnameOverride: kubeai\n"
                        + "secrets:\n"
                        + "  huggingface: {create: true, token: hf_leaked}\n"
                        + "  aws: {create: false, name: my-aws}\n",
                "s3://bucket/model");

        JsonNode env = deployment().at("/spec/template/spec");
        assertThat(env.toString()).contains("\"my-aws\"").doesNotContain("hf_leaked");
        assertThat(warnings)
                .containsExactly("kubeai.yaml:3:31: warning: secrets.huggingface.token is a credential in a file "
                        + "committed to Git: remove it; the generator never writes Secrets, create Secret "
                        + "'kubeai-huggingface' in the cluster instead");
    }

    @Test
    void huggingFaceSecret_isTheChartsGeneratedName_whenTheValuesOnlySayCreate() throws Exception {
        generate("secrets: {huggingface: {create: true, token: \"\"}}\n", "hf://org/m");

        assertThat(deployment().toString()).contains("\"kubeai-huggingface\"");
    }

    @Test
    void sharedFilesystem_onAPersistentVolume_rendersAClaimBoundToIt() throws Exception {
        generate(
                "cacheProfiles:\n  efs-static:\n    sharedFilesystem:\n      persistentVolumeName: efs-pv\n",
                "hf://org/m\n  cacheProfile: efs-static");

        JsonNode claim = YAML.readTree(
                repo.resolve("rendered/caches/efs-static/pvc.yaml").toFile());
        assertThat(claim.at("/spec/volumeName").asText()).isEqualTo("efs-pv");
        assertThat(claim.at("/spec/storageClassName").asText()).isEmpty();
        assertThat(claim.at("/spec/resources/requests/storage").asText()).isEqualTo("10Gi");
    }

    @Test
    void sharedFilesystem_withKubeAIsStorageClassName_rendersTheClaimFromIt() throws Exception {
        generate(
                "cacheProfiles:\n  efs-dynamic:\n    sharedFilesystem:\n      storageClassName: efs-sc\n",
                "hf://org/m\n  cacheProfile: efs-dynamic");

        JsonNode claim = YAML.readTree(
                repo.resolve("rendered/caches/efs-dynamic/pvc.yaml").toFile());
        assertThat(claim.at("/spec/storageClassName").asText()).isEqualTo("efs-sc");
    }

    @Test
    void sharedFilesystem_onAnExistingClaim_rendersNoClaim_andMountsThatOne() throws Exception {
        generate(
                "models:\n  cache:\n    profiles:\n      Nfs: {sharedFilesystem: {claimName: team-nfs}}\n",
                "hf://org/m\n  cacheProfile: Nfs");

        assertThat(repo.resolve("rendered/caches/nfs/pvc.yaml")).doesNotExist();
        assertThat(deployment().at("/spec/template/spec/volumes").toString()).contains("\"claimName\":\"team-nfs\"");
    }

    @Test
    void sharedFilesystem_withNoVolume_isAnError_sayingTheThreeWays() throws Exception {
        Files.writeString(repo.resolve("kubeai.yaml"), "cacheProfiles:\n  x:\n    sharedFilesystem: {baseDir: m}\n");
        GenerateResult result =
                new Generator().generate(GenerateRequest.builder(repo).build());

        assertThat(result.diagnostics())
                .extracting(Diagnostic::format)
                .containsExactly("kubeai.yaml:3:23: error: missing 'storageClass': set it to the ReadWriteMany "
                        + "storage class (e.g. efs-sc), or set persistentVolumeName to a pre-provisioned "
                        + "PersistentVolume, or claimName to an existing claim");
    }

    @Test
    void modelServiceAccount_name_isThePodsServiceAccount_andCreateIsReported() throws Exception {
        List<String> warnings = generate(
                "modelServiceAccount:\n  create: true\n  name: models\n  annotations: {eks.amazonaws.com/role-arn: x}\n",
                "hf://org/m");

        assertThat(deployment().at("/spec/template/spec/serviceAccountName").asText())
                .isEqualTo("models");
        assertThat(warnings)
                .containsExactly(
                        "kubeai.yaml:2:3: warning: the generator creates no ServiceAccount: model pods run as "
                                + "'models'; create it yourself (with the annotations IRSA or Workload Identity "
                                + "need) and set modelServiceAccount.name",
                        "kubeai.yaml:4:3: warning: annotations of a ServiceAccount the generator does not create "
                                + "have no effect");
    }

    @Test
    void controllerAndProxySettings_areReportedOnce_atTheirLines() throws Exception {
        List<String> warnings = generate(
                "replicaCount: 1\nimage: {repository: substratusai/kubeai}\nmodelAutoscaling: {interval: 10s}\n"
                        + "open-webui: {enabled: false}\nmetrics: {prometheusOperator: {vLLMPodMonitor: {enabled: true}}}\n",
                "hf://org/m");

        assertThat(warnings)
                .containsExactly(
                        "kubeai.yaml:1:1: warning: KubeAI's controller settings (replicaCount, image) are ignored: "
                                + "a GitOps deployment runs no KubeAI controller or proxy",
                        "kubeai.yaml:3:1: warning: 'modelAutoscaling' configures KubeAI's autoscaler; a Model with "
                                + "a replica range gets a HorizontalPodAutoscaler instead",
                        "kubeai.yaml:5:49: warning: no PodMonitor is rendered; add one for the pods labelled "
                                + "kubeai.org/engine: VLLM");
    }

    private List<String> generate(String kubeaiYaml, String url) throws Exception {
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(repo.resolve("kubeai.yaml"), kubeaiYaml);
        Files.writeString(
                repo.resolve("models/m.yaml"),
                "apiVersion: kubeai.org/v1\nkind: Model\nmetadata:\n  name: m\nspec:\n  url: " + url
                        + "\n  engine: VLLM\n");
        GenerateResult result =
                new Generator().generate(GenerateRequest.builder(repo).build());
        assertThat(result.diagnostics())
                .filteredOn(Diagnostic::isError)
                .extracting(Diagnostic::format)
                .isEmpty();
        RenderedTreeChecks.assertValid(repo.resolve("rendered"));
        return result.diagnostics().stream().map(Diagnostic::format).toList();
    }

    private JsonNode deployment() throws Exception {
        return YAML.readTree(repo.resolve("rendered/models/m/deployment.yaml").toFile());
    }
}
