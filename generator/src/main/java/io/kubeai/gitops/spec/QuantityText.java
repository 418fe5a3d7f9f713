package io.kubeai.gitops.spec;

import io.kubeai.gitops.wording.ReaderHints;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Kubernetes quantities a spec may give for sizes, requests and limits: a non-negative number with an
 * optional suffix ({@code 500m}, {@code 2}, {@code 4Gi}, {@code 1.5T}). Checked when the spec is read, so a
 * typo is a {@code file:line:col} error rather than a failure while rendering, or a value the API server
 * refuses after the merge.
 */
public final class QuantityText {
    private static final Pattern QUANTITY =
            Pattern.compile("[0-9]{1,18}(\\.[0-9]{1,9})?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?");

    private QuantityText() {}

    /** What is wrong with {@code value} as the quantity {@code what}, if anything. */
    public static Optional<String> problem(String what, String value) {
        if (QUANTITY.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(ReaderHints.quantity(what, value, value.startsWith("-")));
    }
}
