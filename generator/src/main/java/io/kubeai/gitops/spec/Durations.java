package io.kubeai.gitops.spec;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as Kubernetes and Go write them: {@code 3h}, {@code 90m}, {@code 1h30m}, {@code 45s}. */
public final class Durations {
    private static final Pattern WHOLE = Pattern.compile("(?:[0-9]{1,5}[hms])+");
    private static final Pattern PART = Pattern.compile("([0-9]{1,5})([hms])");

    private Durations() {}

    /** The duration {@code text} writes, if it is one and longer than zero. */
    public static Optional<Duration> parse(String text) {
        if (!WHOLE.matcher(text).matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(text);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(
                    switch (m.group(2)) {
                        case "h" -> Duration.ofHours(n);
                        case "m" -> Duration.ofMinutes(n);
                        default -> Duration.ofSeconds(n);
                    });
        }
        return total.isZero() ? Optional.empty() : Optional.of(total);
    }
}
