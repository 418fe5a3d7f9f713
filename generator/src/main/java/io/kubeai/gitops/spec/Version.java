package io.kubeai.gitops.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A release number (an engine's, Kubernetes'), compared part by part as numbers: 0.6.3 &lt; 0.6.10 &lt; 0.10.1.1. Read from
 * the start of an image tag ({@code v0.6.3.post1-cpu} is 0.6.3).
 *
 * @param parts the numbers, most significant first
 */
public record Version(List<Integer> parts) implements Comparable<Version> {
    private static final Pattern LEADING = Pattern.compile("^v?(\\d+(?:\\.\\d+)+)");

    public Version {
        parts = List.copyOf(parts);
    }

    /** The version at the start of {@code text} ({@code 0.6.6}, {@code v0.10.1.1}, {@code v0.6.3.post1-cpu}). */
    public static Optional<Version> parse(String text) {
        Matcher m = LEADING.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        List<Integer> parts = new ArrayList<>();
        for (String part : m.group(1).split("\\.")) {
            if (part.length() > 6) {
                return Optional.empty();
            }
            parts.add(Integer.parseInt(part));
        }
        return Optional.of(new Version(parts));
    }

    @Override
    public int compareTo(Version other) {
        for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
            int a = i < parts.size() ? parts.get(i) : 0;
            int b = i < other.parts.size() ? other.parts.get(i) : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    public boolean atLeast(Version other) {
        return compareTo(other) >= 0;
    }

    @Override
    public String toString() {
        return parts.stream().map(String::valueOf).collect(Collectors.joining("."));
    }
}
