package io.kubeai.gitops.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ValidateCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void validManifests_exitZero_withASummary() {
        int code = run(
                "--shared",
                SharedSchemas.dir().toString(),
                SharedSchemas.manifest("valid").toString());

        assertThat(code).isEqualTo(ValidateCommand.OK);
        assertThat(out()).isEqualTo("12 documents in 11 files: all valid\n");
    }

    @Test
    void invalidManifest_exitsOne_andPrintsEachViolationOnALine() {
        int code = run(
                "--openapi",
                SharedSchemas.dir().resolve("kubernetes-openapi").toString(),
                "--crds",
                SharedSchemas.crds().toString(),
                SharedSchemas.manifest("invalid/deployment.yaml").toString());

        assertThat(code).isEqualTo(ValidateCommand.INVALID);
        assertThat(out())
                .isEqualTo(SharedSchemas.manifest("invalid/deployment.yaml")
                        + ":17:11: Deployment/llama-3-8b: /spec/template/spec/containers/0/gpus: unknown field 'gpus'\n"
                        + "1 document in 1 file: 1 violation\n");
    }

    @Test
    void noSchemaOption_validatesAgainstTheBuiltInCatalog() {
        int code = run(
                SharedSchemas.manifest("valid").toString(),
                SharedSchemas.manifest("invalid").toString());

        assertThat(code).isEqualTo(ValidateCommand.INVALID);
        assertThat(out())
                .endsWith(":17:11: Deployment/llama-3-8b: /spec/template/spec/containers/0/gpus: unknown field 'gpus'\n"
                        + "13 documents in 12 files: 1 violation\n");
    }

    @Test
    void catalogOption_keepsTheCatalogUnderAnotherDocument() {
        int code = run(
                "--openapi",
                SharedSchemas.openApi("kustomize.json").toString(),
                "--catalog",
                SharedSchemas.manifest("valid").toString());

        assertThat(code).as(err()).isEqualTo(ValidateCommand.OK);
        assertThat(out()).isEqualTo("12 documents in 11 files: all valid\n");
    }

    @Test
    void podSecurity_reportsEachViolationByContainerAndField() {
        String job = SharedSchemas.manifest("valid/loader-job.yaml").toString();

        assertThat(run("--pod-security", "baseline", job)).isEqualTo(ValidateCommand.OK);
        assertThat(run("--pod-security", "restricted", job)).isEqualTo(ValidateCommand.INVALID);
        assertThat(out())
                .contains(job + ":13:11: Job/llama-3-8b-load-5f2c1e: /spec/template/spec/containers/0/securityContext/"
                        + "allowPrivilegeEscalation: violates PodSecurity \"restricted\" (Privilege Escalation): container"
                        + " 'loader' must set securityContext.allowPrivilegeEscalation=false\n")
                .endsWith("1 document in 1 file: 4 violations\n");
    }

    @Test
    void podSecurity_takesBaselineOrRestricted() {
        assertThat(run("--pod-security", "strict", "rendered")).isEqualTo(ValidateCommand.USAGE);
        assertThat(err()).contains("--pod-security takes baseline or restricted, not 'strict'");
    }

    @Test
    void noManifests_isAUsageError() {
        assertThat(run("--catalog")).isEqualTo(ValidateCommand.USAGE);
        assertThat(err())
                .contains("give at least one manifest file or directory")
                .contains("usage:");
    }

    @Test
    void unknownOption_isAUsageError() {
        assertThat(run("--shared", "x", "--strict", "rendered")).isEqualTo(ValidateCommand.USAGE);
        assertThat(err()).contains("unknown option --strict");
    }

    @Test
    void unreadableSchemas_exitThree() {
        assertThat(run("--openapi", "no/such/file.json", "rendered")).isEqualTo(ValidateCommand.FAILURE);
        assertThat(err()).isEqualTo("error: cannot load the schemas: no such file or directory: no/such/file.json\n");
    }

    @Test
    void missingManifests_exitThree() {
        int code =
                run("--openapi", SharedSchemas.openApi("kubernetes-1.35.0.json").toString(), "no/such/dir");

        assertThat(code).isEqualTo(ValidateCommand.FAILURE);
        assertThat(err()).isEqualTo("error: cannot read the manifests: no such file or directory: no/such/dir\n");
    }

    private int run(String... args) {
        return ValidateCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
