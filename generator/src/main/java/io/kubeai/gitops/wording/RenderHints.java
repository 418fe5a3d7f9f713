package io.kubeai.gitops.wording;

/**
 * The wording of the render stage's messages: what is wrong with a template's output. Each is reported
 * at the template that rendered it (a user's override, or the built-in one), since the template is what to
 * fix.
 */
public final class RenderHints {
    private RenderHints() {}

    public static String noApiVersionOrKind() {
        return "the template's output has no apiVersion or kind";
    }

    public static String doesNotFitType(String kind, String detail) {
        return kind + " does not fit its Kubernetes type: " + detail;
    }

    public static String notAMapping() {
        return "the template's output is not a YAML mapping";
    }

    public static String notYaml(int outputLine, String detail) {
        return "the template's output is not valid YAML (output line " + outputLine + "): " + detail;
    }

    public static String unreadableTemplate(String detail) {
        return "cannot read template: " + detail;
    }
}
