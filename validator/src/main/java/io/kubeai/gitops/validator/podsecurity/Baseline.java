package io.kubeai.gitops.validator.podsecurity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * The baseline standard: no known privilege escalation. Each control is named as the Pod Security
 * Standards page names it; the allowed values are those of Kubernetes 1.35.
 */
final class Baseline {
    static final Set<String> CAPABILITIES = Set.of(
            "AUDIT_WRITE",
            "CHOWN",
            "DAC_OVERRIDE",
            "FOWNER",
            "FSETID",
            "KILL",
            "MKNOD",
            "NET_BIND_SERVICE",
            "SETFCAP",
            "SETGID",
            "SETPCAP",
            "SETUID",
            "SYS_CHROOT");
    static final Set<String> SYSCTLS = Set.of(
            "kernel.shm_rmid_forced",
            "net.ipv4.ip_local_port_range",
            "net.ipv4.ip_unprivileged_port_start",
            "net.ipv4.tcp_syncookies",
            "net.ipv4.ping_group_range",
            "net.ipv4.ip_local_reserved_ports",
            "net.ipv4.tcp_keepalive_time",
            "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl",
            "net.ipv4.tcp_keepalive_probes");
    static final Set<String> SELINUX_TYPES =
            Set.of("", "container_t", "container_init_t", "container_kvm_t", "container_engine_t");
    private static final String APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";

    private Baseline() {}

    static void check(Pod pod) {
        JsonNode spec = pod.spec();
        String at = pod.specAt();
        for (String namespace : new String[] {"hostNetwork", "hostPID", "hostIPC"}) {
            if (spec.path(namespace).asBoolean(false)) {
                pod.violates("Host Namespaces", at + "/" + namespace, namespace + " must be unset or false");
            }
        }
        JsonNode podContext = spec.path("securityContext");
        String podContextAt = at + "/securityContext";
        if (podContext.path("windowsOptions").path("hostProcess").asBoolean(false)) {
            pod.violates(
                    "HostProcess", podContextAt + "/windowsOptions/hostProcess", "hostProcess must be unset or false");
        }
        profiles(pod, podContext, podContextAt, null);
        JsonNode sysctls = podContext.path("sysctls");
        for (int i = 0; i < sysctls.size(); i++) {
            String name = sysctls.get(i).path("name").asText("");
            if (!SYSCTLS.contains(name)) {
                pod.violates(
                        "Sysctls",
                        podContextAt + "/sysctls/" + i + "/name",
                        "sysctl '" + name + "' is not in the safe set");
            }
        }
        JsonNode volumes = spec.path("volumes");
        for (int i = 0; i < volumes.size(); i++) {
            if (volumes.get(i).has("hostPath")) {
                pod.violates(
                        "HostPath Volumes",
                        at + "/volumes/" + i + "/hostPath",
                        "volume '" + volumes.get(i).path("name").asText() + "' must not be a hostPath");
            }
        }
        for (var annotation : pod.metadata().path("annotations").properties()) {
            String value = annotation.getValue().asText("");
            if (annotation.getKey().startsWith(APPARMOR_ANNOTATION)
                    && !value.equals("runtime/default")
                    && !value.startsWith("localhost/")) {
                pod.violates(
                        "AppArmor",
                        pod.metadataAt() + "/annotations/" + annotation.getKey().replace("/", "~1"),
                        "AppArmor profile '" + value + "' must be runtime/default or localhost/*");
            }
        }
        for (Pod.Container container : pod.containers()) {
            container(pod, container);
        }
    }

    private static void container(Pod pod, Pod.Container container) {
        JsonNode context = container.securityContext();
        String contextAt = container.at() + "/securityContext";
        if (context.path("privileged").asBoolean(false)) {
            pod.violates("Privileged Containers", container, contextAt + "/privileged", "must not be privileged");
        }
        if (context.path("windowsOptions").path("hostProcess").asBoolean(false)) {
            pod.violates(
                    "HostProcess", container, contextAt + "/windowsOptions/hostProcess", "must not be a hostProcess");
        }
        JsonNode added = context.path("capabilities").path("add");
        for (int i = 0; i < added.size(); i++) {
            if (!CAPABILITIES.contains(added.get(i).asText())) {
                pod.violates(
                        "Capabilities",
                        container,
                        contextAt + "/capabilities/add/" + i,
                        "must not add capability " + added.get(i).asText());
            }
        }
        String procMount = context.path("procMount").asText("Default");
        if (!procMount.equals("Default")) {
            pod.violates(
                    "/proc Mount Type",
                    container,
                    contextAt + "/procMount",
                    "procMount must be Default, not " + procMount);
        }
        profiles(pod, context, contextAt, container);
        JsonNode ports = container.node().path("ports");
        for (int i = 0; i < ports.size(); i++) {
            if (ports.get(i).path("hostPort").asInt(0) != 0) {
                pod.violates(
                        "Host Ports",
                        container,
                        container.at() + "/ports/" + i + "/hostPort",
                        "must not use hostPort " + ports.get(i).path("hostPort").asInt());
            }
        }
        for (String probe : new String[] {"livenessProbe", "readinessProbe", "startupProbe"}) {
            hosts(pod, container, probe);
        }
        for (String hook : new String[] {"postStart", "preStop"}) {
            hosts(pod, container, "lifecycle/" + hook);
        }
    }

    /** AppArmor, SELinux and seccomp, set the same way on a pod or a container ({@code container} null for the pod). */
    private static void profiles(Pod pod, JsonNode context, String at, Pod.Container container) {
        String appArmor = context.path("appArmorProfile").path("type").asText("");
        if (appArmor.equals("Unconfined")) {
            report(pod, container, "AppArmor", at + "/appArmorProfile/type", "AppArmor profile must not be Unconfined");
        }
        JsonNode seLinux = context.path("seLinuxOptions");
        if (!SELINUX_TYPES.contains(seLinux.path("type").asText(""))) {
            report(
                    pod,
                    container,
                    "SELinux",
                    at + "/seLinuxOptions/type",
                    "SELinux type '" + seLinux.path("type").asText() + "' is not allowed");
        }
        for (String field : new String[] {"user", "role"}) {
            if (!seLinux.path(field).asText("").isEmpty()) {
                report(
                        pod,
                        container,
                        "SELinux",
                        at + "/seLinuxOptions/" + field,
                        "SELinux " + field + " must not be set");
            }
        }
        if (context.path("seccompProfile").path("type").asText("").equals("Unconfined")) {
            report(pod, container, "Seccomp", at + "/seccompProfile/type", "seccomp profile must not be Unconfined");
        }
    }

    private static void hosts(Pod pod, Pod.Container container, String handler) {
        JsonNode node = container.node().at("/" + handler);
        for (String action : new String[] {"httpGet", "tcpSocket"}) {
            String host = node.path(action).path("host").asText("");
            if (!host.isEmpty()) {
                pod.violates(
                        "Probe or Lifecycle Host",
                        container,
                        container.at() + "/" + handler + "/" + action + "/host",
                        "must not send " + handler.replace("lifecycle/", "") + " to host '" + host + "'");
            }
        }
    }

    private static void report(Pod pod, Pod.Container container, String control, String at, String what) {
        if (container == null) {
            pod.violates(control, at, "pod " + what);
        } else {
            pod.violates(control, container, at, what);
        }
    }
}
