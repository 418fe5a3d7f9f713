package io.kubeai.gitops.cli;

import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.diagnostic.Diagnostic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The repo and the options every command that reads specs shares, declared once. */
final class RepoOptions {

    @Parameters(index = "0", paramLabel = "REPO_DIR", defaultValue = ".", description = "The GitOps repo (default: .)")
    Path repo;

    @Option(names = "--config", paramLabel = "FILE", description = "The KubeAI config (default: REPO_DIR/kubeai.yaml)")
    Path config;

    @Option(
            names = "--output",
            paramLabel = "DIR",
            description = "The rendered tree (default: REPO_DIR/rendered); for plan, the committed tree to compare "
                    + "with, in CI the target branch's")
    Path output;

    @Option(
            names = "--templates",
            paramLabel = "DIR",
            description = "Templates that override the built-in ones by file name (default: REPO_DIR/templates)")
    Path templates;

    GenerateRequest request(boolean check) {
        return request(check, true, false);
    }

    GenerateRequest request(boolean check, boolean validate, boolean allowEmpty) {
        return GenerateRequest.builder(repo)
                .configFile(config)
                .outputDir(output)
                .templatesDir(templates)
                .check(check)
                .validate(validate)
                .allowEmpty(allowEmpty)
                .build();
    }

    /** Prints every diagnostic; returns the number of errors, with a closing line when there are any. */
    static long printDiagnostics(List<Diagnostic> diagnostics, PrintWriter err, String consequence) {
        diagnostics.forEach(d -> err.println(d.format()));
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        if (errors > 0) {
            err.println("kubeai: " + GenerateResult.errorCount(diagnostics, consequence));
        }
        return errors;
    }
}
