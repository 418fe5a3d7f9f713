package io.kubeai.gitops.plan;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.kubeai.gitops.resolve.ResolvedModel;
import io.kubeai.gitops.spec.Annotations;
import java.util.List;
import java.util.Optional;

/**
 * How a pod that runs a third-party image (a model server, a trainer) meets the Pod Security Standards.
 * Restricted by default: a non-root uid, no privilege escalation, no capabilities, the runtime's seccomp
 * profile; the image's writable places (home, caches, /tmp) are emptyDirs, since such images expect to
 * write under /root. Baseline (the image runs as root) when the capability table says the image needs it,
 * or the Model's {@code kubeai.org/pod-security: baseline} annotation does, always with the reason.
 *
 * @param baselineReason why the pod runs at baseline; empty for restricted
 */
record ServerSecurity(Optional<String> baselineReason) {
    static final long UID = 1000;
    static final String HOME = "/home/kubeai";
    static final ServerSecurity RESTRICTED = new ServerSecurity(Optional.empty());

    /** The Model's level: its annotation first, else what the capability table says of its image. */
    static ServerSecurity of(ResolvedModel model) {
        String level = model.model().annotations().get(Annotations.POD_SECURITY);
        if ("baseline".equals(level)) {
            return new ServerSecurity(
                    Optional.of(model.model().annotations().getOrDefault(Annotations.POD_SECURITY_REASON, "")));
        }
        if ("restricted".equals(level)) {
            return RESTRICTED;
        }
        return new ServerSecurity(model.image().baseline());
    }

    boolean restricted() {
        return baselineReason.isEmpty();
    }

    /** The level a namespace holding this pod can enforce. */
    String level() {
        return restricted() ? "restricted" : "baseline";
    }

    /** Home, caches and /tmp on emptyDirs, and a user name for libraries that look one up. */
    PodParts parts() {
        return PodParts.builder()
                .env(List.of(
                        Credentials.plain("HOME", HOME),
                        Credentials.plain("XDG_CACHE_HOME", HOME + "/.cache"),
                        Credentials.plain("HF_HOME", HOME + "/.cache/huggingface"),
                        // getpass.getuser() (PyTorch's compile caches) fails for a uid without a passwd entry.
                        Credentials.plain("USER", "kubeai")))
                .volume(Pods.emptyDir("home"))
                .volume(Pods.tmpVolume())
                .mount(Pods.mount("home", HOME, false))
                .mount(Pods.tmpMount())
                .build();
    }

    /** The pod's context: the uid and fsGroup for restricted, the seccomp profile for both. */
    PodSecurityContext pod() {
        PodSecurityContextBuilder pod = new PodSecurityContextBuilder()
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile();
        if (restricted()) {
            pod.withRunAsNonRoot(true).withRunAsUser(UID).withRunAsGroup(UID).withFsGroup(UID);
        }
        return pod.build();
    }

    /** The server container's context; a root image at baseline keeps its default capabilities. */
    SecurityContext container() {
        if (!restricted()) {
            return null;
        }
        return new SecurityContextBuilder()
                .withAllowPrivilegeEscalation(false)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .build();
    }
}
