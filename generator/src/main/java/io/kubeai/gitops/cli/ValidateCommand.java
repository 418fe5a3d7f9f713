package io.kubeai.gitops.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code kubeai validate [--openapi PATH]... [--crds PATH]... [--shared DIR] PATH...}: strict offline
 * validation of rendered manifests, the way {@code kubeconform -strict} does it. The options belong to the
 * validator module, which this command hands them to unchanged.
 */
@Command(
        name = "validate",
        description = "Validate manifests strictly against Kubernetes OpenAPI documents "
                + "and CRDs (--openapi PATH, --crds PATH, --shared DIR, then files or folders).")
final class ValidateCommand implements Callable<Integer> {

    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() {
        return io.kubeai.gitops.validator.ValidateCommand.run(arguments.toArray(new String[0]), System.out, System.err);
    }
}
