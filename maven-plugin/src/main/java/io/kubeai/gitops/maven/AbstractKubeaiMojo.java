package io.kubeai.gitops.maven;

import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.api.diagnostic.Diagnostic;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters both goals share and their one path through the generator: parameters to request, run,
 * log what it said, and turn the user's mistakes into a clean BUILD FAILURE. A goal only says whether it
 * writes and how it reports a run without errors.
 *
 * <p>Parameters left unset are passed on as absent, so the defaults stay in {@link GenerateRequest.Builder}:
 * moving {@code kubeai.repo} moves the config, output and templates with it.
 */
abstract class AbstractKubeaiMojo extends AbstractMojo {

    /** The GitOps repo holding {@code kubeai.yaml}, {@code models/} and {@code finetunes/}. */
    @Parameter(property = "kubeai.repo", defaultValue = "${project.basedir}", required = true)
    private File repo;

    /** The KubeAI config. Default: {@code kubeai.yaml} in {@code kubeai.repo}. */
    @Parameter(property = "kubeai.config")
    private File config;

    /** Where the Kustomize tree is rendered. Default: {@code rendered} in {@code kubeai.repo}. */
    @Parameter(property = "kubeai.output")
    private File output;

    /**
     * Templates that override the built-in ones by file name; a missing folder means none.
     * Default: {@code templates} in {@code kubeai.repo}.
     */
    @Parameter(property = "kubeai.templates")
    private File templates;

    /**
     * Validate every rendered document strictly (the validator's schema catalog and the API server's
     * rules) before anything is written; a violation fails the build. {@code -Dkubeai.validate=false}
     * writes what the templates render without checking it.
     */
    @Parameter(property = "kubeai.validate", defaultValue = "true")
    private boolean validate = true;

    /**
     * Let a run that reads no Model delete every Model's files. Without it such a run fails: an empty or
     * missing {@code models/} folder is far more often a mistake than a wish to remove every model server.
     */
    @Parameter(property = "kubeai.allowEmpty", defaultValue = "false")
    private boolean allowEmpty;

    /** Skip this goal. */
    @Parameter(property = "kubeai.skip", defaultValue = "false")
    private boolean skip;

    /** True when the goal must write nothing and only compare the output folder with what the specs render. */
    abstract boolean checkOnly();

    /** Reports a run that found no error in the specs; fails the build if the goal's own condition is not met. */
    abstract void report(GenerateRequest request, GenerateResult result) throws MojoFailureException;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping (kubeai.skip)");
            return;
        }
        perform(GenerateRequest.builder(repo.toPath())
                .configFile(path(config))
                .outputDir(path(output))
                .templatesDir(path(templates))
                .check(checkOnly())
                .validate(validate)
                .allowEmpty(allowEmpty)
                .build());
    }

    /** Runs the generator on the request the parameters make, then reports; a goal may do otherwise. */
    void perform(GenerateRequest request) throws MojoExecutionException, MojoFailureException {
        GenerateResult result = run(request);
        result.notes().forEach(getLog()::info);
        logAndFailOnErrors(result.diagnostics());
        report(request, result);
    }

    /** Logs warnings and errors; the user's mistakes become a clean BUILD FAILURE listing every one. */
    void logAndFailOnErrors(java.util.List<Diagnostic> diagnostics) throws MojoFailureException {
        for (Diagnostic d : diagnostics) {
            if (d.isError()) {
                getLog().error(d.format());
            } else {
                getLog().warn(d.format());
            }
        }
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            throw new MojoFailureException(errorSummary(diagnostics));
        }
    }

    private static GenerateResult run(GenerateRequest request) throws MojoExecutionException {
        try {
            return new Generator().generate(request);
        } catch (IOException e) {
            throw new MojoExecutionException("I/O error: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("internal error in the kubeai generator: " + e, e);
        }
    }

    /** The count, then every error line, so the BUILD FAILURE block alone tells the whole story. */
    private static String errorSummary(java.util.List<Diagnostic> diagnostics) {
        return GenerateResult.errorCount(diagnostics, "nothing was written")
                + diagnostics.stream()
                        .filter(Diagnostic::isError)
                        .map(Diagnostic::format)
                        .collect(Collectors.joining("\n", "\n", ""));
    }

    private static Path path(File file) {
        return file == null ? null : file.toPath();
    }
}
