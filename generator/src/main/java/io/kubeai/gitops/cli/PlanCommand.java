package io.kubeai.gitops.cli;

import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.api.PlanReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kubeai plan [--format text|markdown] [--summary-file FILE] [--config F] [--output D] [--templates D]
 * REPO_DIR}: what merging the specs would change, compared with a committed rendered tree. A plan is
 * information: it exits 0 whatever it finds, 1 only when the specs have errors.
 */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = "Compare a committed rendered tree with what REPO_DIR's specs render now, for a reviewer: "
                + "Models added, removed and changed, Jobs that will run, caches, volumes created or deleted.")
final class PlanCommand implements Callable<Integer> {

    /** The report's form on standard output. */
    enum Format {
        text,
        markdown
    }

    @picocli.CommandLine.Mixin
    RepoOptions options;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text or markdown (default: text)")
    Format format;

    @Option(
            names = "--summary-file",
            paramLabel = "FILE",
            description = "Also append the report as Markdown to FILE (e.g. $GITHUB_STEP_SUMMARY)")
    Path summaryFile;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GenerateRequest request = options.request(false);
        PlanReport report;
        try {
            report = new Generator().plan(request);
            if (summaryFile != null) {
                Files.writeString(
                        summaryFile,
                        report.toMarkdown() + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            err.println("kubeai: I/O error: " + e.getMessage());
            return KubeaiCli.FAILURE;
        }
        report.rendering().notes().forEach(n -> err.println("kubeai: " + n));
        if (RepoOptions.printDiagnostics(report.diagnostics(), err, "no plan") > 0) {
            return KubeaiCli.BAD_INPUT;
        }
        out.print(format == Format.markdown ? report.toMarkdown() : report.toText());
        out.flush();
        return KubeaiCli.OK;
    }
}
