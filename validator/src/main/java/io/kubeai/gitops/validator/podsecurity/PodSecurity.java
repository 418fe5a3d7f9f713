package io.kubeai.gitops.validator.podsecurity;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeai.gitops.validator.rules.PodTemplates;
import io.kubeai.gitops.validator.rules.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Pod Security Standards (Kubernetes 1.35, as the Pod Security admission controller enforces
 * them) applied to each pod template: what a namespace labelled
 * {@code pod-security.kubernetes.io/enforce: baseline} or {@code restricted} would refuse, by
 * container and field.
 */
public final class PodSecurity {

    /** A standard; restricted holds every baseline control too. */
    public enum Level {
        BASELINE,
        RESTRICTED;

        /** {@code baseline} or {@code restricted}, as the namespace label spells it. */
        public static Level parse(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private PodSecurity() {}

    /** Every violation of the pod template of a workload document; other documents have none. */
    public static List<Problem> check(JsonNode document, Level level) {
        List<Problem> problems = new ArrayList<>();
        PodTemplates.of(document).ifPresent(template -> {
            Pod pod = Pod.of(document, template, level, problems);
            Baseline.check(pod);
            if (level == Level.RESTRICTED) {
                Restricted.check(pod);
            }
        });
        return problems;
    }
}
