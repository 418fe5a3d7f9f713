package io.kubeai.gitops.resolve;

import io.kubeai.gitops.spec.ResourceProfile;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource profile and how many units of it a pod asks for ({@code nvidia-gpu-l4:2}).
 *
 * @param profile the profile, built-in or from kubeai.yaml
 * @param count   how many units, at least one
 */
public record ResourceRequest(ResourceProfile profile, int count) {
    private static final Pattern FORM = Pattern.compile("([^:]+):([0-9]+)");

    /** Whether {@code value} has the {@code name:count} form with a count of at least one. */
    public static boolean wellFormed(String value) {
        Matcher m = FORM.matcher(value);
        return m.matches() && m.group(2).length() < 10 && Integer.parseInt(m.group(2)) >= 1;
    }

    /** The profile name of a well-formed {@code name:count}. */
    public static String profileName(String value) {
        return value.substring(0, value.lastIndexOf(':'));
    }

    /** The request {@code value} names among {@code profiles}, if it is well formed and the profile exists. */
    public static Optional<ResourceRequest> of(String value, Map<String, ResourceProfile> profiles) {
        if (!wellFormed(value)) {
            return Optional.empty();
        }
        int colon = value.lastIndexOf(':');
        return Optional.ofNullable(profiles.get(value.substring(0, colon)))
                .map(p -> new ResourceRequest(p, Integer.parseInt(value.substring(colon + 1))));
    }
}
