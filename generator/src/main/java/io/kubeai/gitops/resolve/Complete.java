package io.kubeai.gitops.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Completes a list of resolutions: every one completes, or the list does not. */
final class Complete {
    private Complete() {}

    static <T, R> Optional<List<R>> all(List<T> items, Function<T, Optional<R>> complete) {
        List<R> done = new ArrayList<>();
        for (T item : items) {
            Optional<R> one = complete.apply(item);
            if (one.isEmpty()) {
                return Optional.empty();
            }
            done.add(one.get());
        }
        return Optional.of(done);
    }
}
