package io.kubeai.gitops.validator.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubeai.gitops.validator.podsecurity.PodSecurity.Level;
import io.kubeai.gitops.validator.rules.Problem;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each control of the Pod Security Standards, broken once, by container and field. */
class PodSecurityTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Passes restricted (and so baseline); each test changes one thing. */
    private static final String RESTRICTED_JOB = """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: load}
            spec:
              template:
                metadata:
                  annotations: {}
                spec:
                  restartPolicy: Never
                  securityContext:
                    runAsNonRoot: true
                    seccompProfile: {type: RuntimeDefault}
                  containers:
                    - name: loader
                      image: loader
                      ports: [{containerPort: 8080}]
                      readinessProbe: {httpGet: {path: /ready, port: 8080}}
                      securityContext:
                        allowPrivilegeEscalation: false
                        capabilities: {drop: [ALL]}
                  volumes:
                    - {name: cache, persistentVolumeClaim: {claimName: cache}}
                    - {name: tmp, emptyDir: {}}
            """;

    private static final String C = "/spec/template/spec/containers/0";

    @Test
    void compliantPod_passesRestrictedAndBaseline() throws IOException {
        assertThat(check(RESTRICTED_JOB, Level.RESTRICTED)).isEmpty();
        assertThat(check(RESTRICTED_JOB, Level.BASELINE)).isEmpty();
    }

    @Test
    void plainPod_passesBaseline_butNotRestricted() throws IOException {
        String plain = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: app, image: x}]}\n";

        assertThat(check(plain, Level.BASELINE)).isEmpty();
        assertThat(check(plain, Level.RESTRICTED))
                .extracting(Problem::path)
                .containsExactly(
                        "/spec/containers/0/securityContext/allowPrivilegeEscalation",
                        "/spec/containers/0/securityContext/runAsNonRoot",
                        "/spec/containers/0/securityContext/seccompProfile/type",
                        "/spec/containers/0/securityContext/capabilities/drop");
    }

    @Test
    void hostNamespaces_areBaselineViolations() throws IOException {
        assertThat(check(
                        RESTRICTED_JOB.replace(
                                "restartPolicy: Never",
                                "restartPolicy: Never\n      hostNetwork: true\n      hostPID: true"),
                        Level.BASELINE))
                .extracting(Problem::path, Problem::message)
                .containsExactly(
                        tuple(
                                "/spec/template/spec/hostNetwork",
                                "violates PodSecurity \"baseline\" (Host Namespaces): hostNetwork must be unset or false"),
                        tuple(
                                "/spec/template/spec/hostPID",
                                "violates PodSecurity \"baseline\" (Host Namespaces): hostPID must be unset or false"));
    }

    @Test
    void privilegedContainer_namesTheContainer() throws IOException {
        assertThat(check(withContainerContext("privileged: true"), Level.BASELINE))
                .extracting(Problem::path, Problem::message)
                .containsExactly(
                        tuple(
                                C + "/securityContext/privileged",
                                "violates PodSecurity \"baseline\" (Privileged Containers): container 'loader' must not be privileged"));
    }

    @Test
    void capabilities_baselineAllowsTheDefaultSet_restrictedOnlyNetBindService() throws IOException {
        String addChown = RESTRICTED_JOB.replace("drop: [ALL]}", "drop: [ALL], add: [CHOWN, SYS_ADMIN]}");

        assertThat(check(addChown, Level.BASELINE))
                .extracting(Problem::path)
                .containsExactly(C + "/securityContext/capabilities/add/1");
        assertThat(check(addChown, Level.RESTRICTED))
                .extracting(Problem::path)
                .containsExactly(
                        C + "/securityContext/capabilities/add/1",
                        C + "/securityContext/capabilities/add/0",
                        C + "/securityContext/capabilities/add/1");
        assertThat(check(
                        RESTRICTED_JOB.replace("drop: [ALL]}", "drop: [ALL], add: [NET_BIND_SERVICE]}"),
                        Level.RESTRICTED))
                .isEmpty();
    }

    @Test
    void hostPathVolume_isABaselineViolation() throws IOException {
        assertThat(check(RESTRICTED_JOB.replace("emptyDir: {}", "hostPath: {path: /var/run}"), Level.BASELINE))
                .extracting(Problem::path)
                .containsExactly("/spec/template/spec/volumes/1/hostPath");
    }

    @Test
    void hostPort_isABaselineViolation() throws IOException {
        assertThat(check(
                        RESTRICTED_JOB.replace("{containerPort: 8080}", "{containerPort: 8080, hostPort: 80}"),
                        Level.BASELINE))
                .extracting(Problem::path)
                .containsExactly(C + "/ports/0/hostPort");
    }

    @Test
    void appArmor_unconfinedFieldOrAnnotation_isABaselineViolation() throws IOException {
        assertThat(check(withContainerContext("appArmorProfile: {type: Unconfined}"), Level.BASELINE))
                .extracting(Problem::path)
                .containsExactly(C + "/securityContext/appArmorProfile/type");
        assertThat(check(
                        RESTRICTED_JOB.replace(
                                "annotations: {}",
                                "annotations: {container.apparmor.security.beta.kubernetes.io/loader: unconfined}"),
                        Level.BASELINE))
                .extracting(Problem::path)
                .containsExactly(
                        "/spec/template/metadata/annotations/container.apparmor.security.beta.kubernetes.io~1loader");
    }

    @Test
    void seLinux_customTypeUserOrRole_isABaselineViolation() throws IOException {
        assertThat(check(withContainerContext("seLinuxOptions: {type: spc_t, user: system_u}"), Level.BASELINE))
                .extracting(Problem::path)
                .containsExactly(
                        C + "/securityContext/seLinuxOptions/type", C + "/securityContext/seLinuxOptions/user");
        assertThat(check(
                        withContainerContext("seLinuxOptions: {type: container_t, level: 's0:c123,c456'}"),
                        Level.BASELINE))
                .isEmpty();
    }

    @Test
    void procMount_unmasked_isABaselineViolation() throws IOException {
        assertThat(check(withContainerContext("procMount: Unmasked"), Level.BASELINE))
                .extracting(Problem::path)
                .containsExactly(C + "/securityContext/procMount");
    }

    @Test
    void seccompUnconfined_isABaselineViolation_onThePodToo() throws IOException {
        assertThat(check(
                        RESTRICTED_JOB.replace(
                                "seccompProfile: {type: RuntimeDefault}", "seccompProfile: {type: Unconfined}"),
                        Level.BASELINE))
                .extracting(Problem::message)
                .containsExactly(
                        "violates PodSecurity \"baseline\" (Seccomp): pod seccomp profile must not be Unconfined");
    }

    @Test
    void unsafeSysctl_isABaselineViolation() throws IOException {
        assertThat(check(
                        RESTRICTED_JOB.replace(
                                "runAsNonRoot: true",
                                "runAsNonRoot: true\n        sysctls: [{name: net.ipv4.tcp_syncookies, value: '1'}, {name: kernel.msgmax, value: '1'}]"),
                        Level.BASELINE))
                .extracting(Problem::path)
                .containsExactly("/spec/template/spec/securityContext/sysctls/1/name");
    }

    @Test
    void probeHost_isABaselineViolation() throws IOException {
        assertThat(check(
                        RESTRICTED_JOB.replace(
                                "{path: /ready, port: 8080}", "{path: /ready, port: 8080, host: 10.0.0.1}"),
                        Level.BASELINE))
                .extracting(Problem::path)
                .containsExactly(C + "/readinessProbe/httpGet/host");
    }

    @Test
    void windowsHostProcess_isABaselineViolation() throws IOException {
        assertThat(check(withContainerContext("windowsOptions: {hostProcess: true}"), Level.BASELINE))
                .extracting(Problem::path)
                .containsExactly(C + "/securityContext/windowsOptions/hostProcess");
    }

    @Test
    void restrictedVolumeTypes() throws IOException {
        assertThat(check(RESTRICTED_JOB.replace("emptyDir: {}", "nfs: {server: nfs, path: /}"), Level.RESTRICTED))
                .extracting(Problem::message)
                .containsExactly(
                        "violates PodSecurity \"restricted\" (Volume Types): volume 'tmp' has restricted type nfs");
        assertThat(check(RESTRICTED_JOB.replace("emptyDir: {}", "nfs: {server: nfs, path: /}"), Level.BASELINE))
                .isEmpty();
    }

    @Test
    void privilegeEscalation_mustBeExplicitlyFalse() throws IOException {
        assertThat(check(
                        RESTRICTED_JOB.replace("allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true"),
                        Level.RESTRICTED))
                .extracting(Problem::message)
                .containsExactly(
                        "violates PodSecurity \"restricted\" (Privilege Escalation): container 'loader' must set"
                                + " securityContext.allowPrivilegeEscalation=false");
    }

    @Test
    void runAsNonRoot_onThePodCovers_butAContainerMayNotTurnItOff() throws IOException {
        assertThat(check(withContainerContext("runAsNonRoot: false"), Level.RESTRICTED))
                .extracting(Problem::path)
                .containsExactly(C + "/securityContext/runAsNonRoot");
        assertThat(check(RESTRICTED_JOB.replace("runAsNonRoot: true", "runAsUser: 1000"), Level.RESTRICTED))
                .extracting(Problem::path)
                .containsExactly(C + "/securityContext/runAsNonRoot");
    }

    @Test
    void runAsUserZero_isARestrictedViolation() throws IOException {
        assertThat(check(withContainerContext("runAsUser: 0"), Level.RESTRICTED))
                .extracting(Problem::path)
                .containsExactly(C + "/securityContext/runAsUser");
    }

    @Test
    void seccomp_mustBeRuntimeDefaultOrLocalhost_onThePodOrEveryContainer() throws IOException {
        String containerOnly = RESTRICTED_JOB
                .replace("\n        seccompProfile: {type: RuntimeDefault}", "")
                .replace(
                        "allowPrivilegeEscalation: false",
                        "allowPrivilegeEscalation: false\n            seccompProfile: {type: Localhost, localhostProfile: p.json}");
        assertThat(check(containerOnly, Level.RESTRICTED)).isEmpty();
        assertThat(check(
                        RESTRICTED_JOB.replace("\n        seccompProfile: {type: RuntimeDefault}", ""),
                        Level.RESTRICTED))
                .extracting(Problem::path)
                .containsExactly(C + "/securityContext/seccompProfile/type");
    }

    @Test
    void capabilities_mustDropAll() throws IOException {
        assertThat(check(RESTRICTED_JOB.replace("drop: [ALL]", "drop: [NET_RAW]"), Level.RESTRICTED))
                .extracting(Problem::path)
                .containsExactly(C + "/securityContext/capabilities/drop");
    }

    @Test
    void everyContainerList_isChecked_andDocumentsWithoutPodsHaveNoViolations() throws IOException {
        String withInit = RESTRICTED_JOB.replace(
                "      containers:", "      initContainers: [{name: wait, image: loader}]\n      containers:");
        assertThat(check(withInit, Level.RESTRICTED))
                .extracting(Problem::path)
                .allSatisfy(path -> assertThat(path).startsWith("/spec/template/spec/initContainers/0/"))
                .hasSize(2);
        assertThat(check("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n", Level.RESTRICTED))
                .isEmpty();
    }

    @Test
    void level_parsesTheNamespaceLabelsSpelling() {
        assertThat(Level.parse("restricted")).isEqualTo(Level.RESTRICTED);
        assertThat(Level.BASELINE.label()).isEqualTo("baseline");
    }

    private static String withContainerContext(String field) {
        return RESTRICTED_JOB.replace(
                "allowPrivilegeEscalation: false", "allowPrivilegeEscalation: false\n            " + field);
    }

    private static List<Problem> check(String yaml, Level level) throws IOException {
        JsonNode document = YAML.readTree(yaml);
        return PodSecurity.check(document, level);
    }
}
