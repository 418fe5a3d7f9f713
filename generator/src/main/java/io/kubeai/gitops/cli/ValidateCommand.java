package io.kubeai.gitops.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder until the validator's API is wired in. */
@Command(name = "validate", mixinStandardHelpOptions = true, hidden = true,
        description = "Validate rendered manifests strictly against a Kubernetes OpenAPI document and CRDs.")
final class ValidateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return KubeaiCli.USAGE;
    }
}
