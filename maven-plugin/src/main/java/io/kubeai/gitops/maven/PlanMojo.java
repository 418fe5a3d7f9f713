package io.kubeai.gitops.maven;

import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.api.PlanReport;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes nothing; prints a reviewer's summary of what the specs would change against the committed tree
 * ({@code kubeai.output}): Models added, removed and changed, caches to load, Jobs to run, volumes created
 * or deleted. Informational: it fails only on a wrong spec.
 */
@Mojo(name = "plan", threadSafe = true)
public class PlanMojo extends AbstractKubeaiMojo {

    /** {@code text} or {@code markdown} (for a pull-request comment or job summary). */
    @Parameter(property = "kubeai.format", defaultValue = "text")
    private String format;

    /** A file the Markdown report is appended to, e.g. {@code $GITHUB_STEP_SUMMARY}. */
    @Parameter(property = "kubeai.summaryFile")
    private File summaryFile;

    @Override
    boolean checkOnly() {
        return true;
    }

    @Override
    void perform(GenerateRequest request) throws MojoExecutionException, MojoFailureException {
        if (!format.equals("text") && !format.equals("markdown")) {
            throw new MojoFailureException("kubeai.format must be text or markdown, not '" + format + "'");
        }
        PlanReport report;
        try {
            report = new Generator().plan(request);
        } catch (IOException e) {
            throw new MojoExecutionException("I/O error: " + e.getMessage(), e);
        }
        logAndFailOnErrors(report.diagnostics());
        String text = format.equals("markdown") ? report.toMarkdown() : report.toText();
        text.lines().forEach(getLog()::info);
        if (summaryFile != null) {
            try {
                Files.writeString(
                        summaryFile.toPath(),
                        report.toMarkdown(),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new MojoExecutionException("cannot append the plan to " + summaryFile + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    void report(GenerateRequest request, GenerateResult result) {
        // perform() reports the plan itself.
    }
}
