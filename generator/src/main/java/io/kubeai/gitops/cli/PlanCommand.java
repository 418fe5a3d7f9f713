package io.kubeai.gitops.cli;

import io.kubeai.gitops.api.Diagnostic;
import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.review.PlanReport;
import io.kubeai.gitops.review.Review;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;

/**
 * {@code kubeai plan [--format text|markdown] [--summary-file FILE] [--config F] [--output D] [--templates D]
 * REPO_DIR}: what merging the specs would change, compared with a committed rendered tree. A plan is
 * information: it exits 0 whatever it finds, 1 only when the specs have errors.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Compare a committed rendered tree with what REPO_DIR's specs render now, for a reviewer: "
                + "Models added, removed and changed, Jobs that will run, caches, volumes created or deleted.")
final class PlanCommand implements Callable<Integer> {

    /** The report's form on standard output. */
    enum Format { text, markdown }

    @Parameters(index = "0", paramLabel = "REPO_DIR", defaultValue = ".", description = "The GitOps repo (default: .)")
    Path repo;

    @Option(names = "--config", paramLabel = "FILE", description = "The KubeAI config (default: REPO_DIR/kubeai.yaml)")
    Path config;

    @Option(names = "--output", paramLabel = "DIR",
            description = "The committed rendered tree to compare with (default: REPO_DIR/rendered); "
                    + "in CI, the target branch's tree")
    Path output;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Templates that override the built-in ones by file name (default: REPO_DIR/templates)")
    Path templates;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or markdown (default: text)")
    Format format;

    @Option(names = "--summary-file", paramLabel = "FILE",
            description = "Also append the report as Markdown to FILE (e.g. $GITHUB_STEP_SUMMARY)")
    Path summaryFile;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GenerateRequest request = GenerateRequest.builder(repo).configFile(config).outputDir(output)
                .templatesDir(templates).build();
        PlanReport report;
        try {
            report = Review.plan(request);
            if (summaryFile != null) {
                Files.writeString(summaryFile, report.toMarkdown() + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            err.println("kubeai: I/O error: " + e.getMessage());
            return KubeaiCli.FAILURE;
        }
        report.rendering().notes().forEach(n -> err.println("kubeai: " + n));
        for (Diagnostic d : report.diagnostics()) {
            err.println(d.format());
        }
        if (report.hasErrors()) {
            long errors = report.diagnostics().stream().filter(Diagnostic::isError).count();
            err.println("kubeai: " + errors + (errors == 1 ? " error" : " errors") + "; no plan");
            return KubeaiCli.BAD_INPUT;
        }
        out.print(format == Format.markdown ? report.toMarkdown() : report.toText());
        out.flush();
        return KubeaiCli.OK;
    }
}
