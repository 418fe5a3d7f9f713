package io.kubeai.gitops.cli;

import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kubeai generate [--check] [--no-validate] [--allow-empty] [--config F] [--output D] [--templates D] REPO_DIR}. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Render REPO_DIR's kubeai.yaml and models/ into its rendered/ tree.")
final class GenerateCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    RepoOptions options;

    @Option(names = "--check", description = "Write nothing; exit 1 if the rendered tree is not up to date")
    boolean check;

    @Option(
            names = "--validate",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Validate every rendered document strictly before writing (default); --no-validate writes"
                    + " what the templates render without checking it")
    boolean validate;

    @Option(
            names = "--allow-empty",
            description = "Let a run that reads no Model delete every Model's files (refused otherwise, "
                    + "as a likely mistake)")
    boolean allowEmpty;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GenerateRequest request = options.request(check, validate, allowEmpty);
        GenerateResult result;
        try {
            result = new Generator().generate(request);
        } catch (IOException e) {
            err.println("kubeai: I/O error: " + e.getMessage());
            return KubeaiCli.FAILURE;
        }
        result.notes().forEach(n -> err.println("kubeai: " + n));
        if (RepoOptions.printDiagnostics(result.diagnostics(), err, "nothing was written") > 0) {
            return KubeaiCli.BAD_INPUT;
        }
        return check ? reportCheck(result, out, err) : reportWrite(result, out, request);
    }

    private int reportCheck(GenerateResult result, PrintWriter out, PrintWriter err) {
        if (result.upToDate()) {
            out.println("kubeai: rendered tree is up to date");
            return KubeaiCli.OK;
        }
        result.staleLines().forEach(err::println);
        err.println("kubeai: " + GenerateResult.stale("", "kubeai generate"));
        return KubeaiCli.BAD_INPUT;
    }

    private int reportWrite(GenerateResult result, PrintWriter out, GenerateRequest request) {
        result.fileLines().forEach(out::println);
        out.println("kubeai: " + result.summary(request.outputDir()));
        return KubeaiCli.OK;
    }
}
