package io.kubeai.gitops.api;

import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.plan.Planner;
import io.kubeai.gitops.plan.RenderPlan;
import io.kubeai.gitops.render.RenderedFile;
import io.kubeai.gitops.render.Renderer;
import io.kubeai.gitops.render.Templates;
import io.kubeai.gitops.resolve.Resolution;
import io.kubeai.gitops.resolve.ResolvedRepo;
import io.kubeai.gitops.resolve.Resolver;
import io.kubeai.gitops.review.TreeChanges;
import io.kubeai.gitops.spec.Diagnostics;
import io.kubeai.gitops.spec.RepoFiles;
import io.kubeai.gitops.spec.RepoReader;
import io.kubeai.gitops.spec.SourcePosition;
import io.kubeai.gitops.validate.SpecValidator;
import io.kubeai.gitops.verify.RenderedValidation;
import io.kubeai.gitops.wording.WriteHints;
import io.kubeai.gitops.write.OutputFolder;
import io.kubeai.gitops.write.OutputTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The entry point the Maven plugin, the CLI and the runtime programs call: read, resolve, validate, plan,
 * render, verify (strict validation of what was rendered), write. Each stage runs only if the ones before
 * found no error, and the output is replaced only if every stage succeeded. Verify and write overlap: the
 * new tree is written to a scratch folder while it is validated, and swapped in only if it passed.
 */
public final class Generator {
    /** Files of a Model's folder, in the Argo CD and plain layout or under a Flux step. */
    private static final Pattern MODEL_FILE = Pattern.compile("([a-z]+/)?models/.+");

    /**
     * Reads the repo, checks it, renders it and (unless {@code request.check()}) replaces the output tree.
     * Mistakes in the input come back as diagnostics; only I/O failures and bugs throw.
     */
    public GenerateResult generate(GenerateRequest request) throws IOException {
        if (request.validate()) {
            RenderedValidation.prepare();
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        RepoReader reader = new RepoReader(request.repoDir(), diagnostics);
        RepoReader.Repo repo = reader.read(request.configFile());
        // Resolve and validate what could be read even after reading errors: one run reports every problem.
        Resolution resolution = new Resolver(repo.config()).resolve(repo.models(), repo.fineTuneJobs());
        new SpecValidator(diagnostics).validate(resolution);
        if (request.templatesDir().isPresent()) {
            new RepoFiles(request.repoDir(), diagnostics)
                    .noLinks(request.templatesDir().get());
        }
        Optional<String> outputProblem = OutputFolder.problem(request.repoDir(), request.outputDir());
        outputProblem.ifPresent(problem -> diagnostics.add(
                Diagnostics.error(SourcePosition.ofFile(reader.display(request.outputDir())), problem)));
        OutputTree output = new OutputTree(request.outputDir());
        if (request.check() && outputProblem.isEmpty()) {
            interruptedRun(output, reader.display(request.outputDir()), reader.display(output.scratch()), diagnostics);
        }
        if (repo.models().isEmpty() && !request.allowEmpty() && outputProblem.isEmpty()) {
            emptyGuard(output, reader.display(request.repoDir().resolve("models")), diagnostics);
        }
        if (hasErrors(diagnostics)) {
            return failed(diagnostics, List.of());
        }
        ResolvedRepo resolved = resolution
                .ready()
                .orElseThrow(() -> new IllegalStateException("validation passed a spec that did not resolve"));
        RenderPlan plan = new Planner().plan(resolved);
        Templates templates = new Templates(request.templatesDir());
        List<RenderedFile> files = new Renderer(templates, diagnostics).render(plan);
        if (hasErrors(diagnostics)) {
            return failed(diagnostics, templates.overrides());
        }
        // Validation runs while the new tree is written to the scratch folder (or compared, for a check);
        // the swap that replaces the output waits for it and does not happen if it found anything.
        RenderedValidation.Pending violations = request.validate()
                ? new RenderedValidation(request.repoDir(), request.outputDir()).start(files)
                : RenderedValidation.Pending.skipped();
        OutputTree.Changes changes =
                request.check() ? output.diff(files) : output.replace(files, () -> !hasErrors(violations.join()));
        diagnostics.addAll(violations.join());
        if (hasErrors(diagnostics)) {
            return failed(diagnostics, templates.overrides());
        }
        return new GenerateResult(sorted(diagnostics), changes.written(), changes.deleted(), templates.overrides());
    }

    /**
     * Pull-request review: renders the specs as they are now into a temporary folder and compares the
     * objects with the request's output folder, taken as the committed tree (which need not exist: then
     * everything is new). Nothing in the repo is written; the request's {@code check} flag does not matter.
     * Mistakes in the specs come back as the report's diagnostics; only I/O failures and bugs throw.
     *
     * <p>Locally, compare with the repo's own {@code rendered/} before running {@code generate}. In CI, where
     * a pull request's {@code rendered/} is already regenerated, compare with the target branch's tree.
     */
    public PlanReport plan(GenerateRequest request) throws IOException {
        Path scratch = Files.createTempDirectory("kubeai-plan-");
        try {
            Path rendered = scratch.resolve("rendered");
            GenerateResult result = generate(GenerateRequest.builder(request.repoDir())
                    .configFile(request.configFile())
                    .templatesDir(request.templatesDir().orElse(null))
                    .outputDir(rendered)
                    .validate(request.validate())
                    .build());
            if (result.hasErrors()) {
                return new PlanReport(result, null);
            }
            // The tree of record: an interrupted generate's committed tree, if one waits to be moved in.
            Path committed = new OutputTree(request.outputDir()).current();
            return new PlanReport(result, TreeChanges.between(committed, rendered));
        } finally {
            OutputTree.deleteRecursively(scratch);
        }
    }

    /**
     * No Model read, yet the tree holds Models' files, which this run would all delete: far more often a
     * moved, linked or misspelled models/ folder than a wish to stop serving everything (which Argo CD's
     * prune would carry out).
     */
    private static void emptyGuard(OutputTree output, String modelsDir, List<Diagnostic> diagnostics)
            throws IOException {
        long before = output.generatedBefore().stream()
                .filter(p -> MODEL_FILE.matcher(p).matches())
                .count();
        if (before > 0) {
            diagnostics.add(Diagnostics.error(SourcePosition.ofFile(modelsDir), WriteHints.emptyModels(before)));
        }
    }

    /**
     * A check reads the output folder without writing, so it reports what a killed generate left instead of
     * finishing it: a committed swap means the folder is not (or not yet) the tree of record.
     */
    private static void interruptedRun(
            OutputTree output, String outputDir, String scratch, List<Diagnostic> diagnostics) {
        SourcePosition at = SourcePosition.ofFile(outputDir);
        switch (output.interrupted()) {
            case SWAP -> diagnostics.add(Diagnostics.error(at, WriteHints.swapInterrupted(scratch)));
            case LEFTOVERS -> diagnostics.add(Diagnostics.warning(at, WriteHints.leftovers(scratch)));
            case NOTHING -> {}
        }
    }

    private static boolean hasErrors(List<Diagnostic> diagnostics) {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** {@code notes} say which user templates were used, which matters most when one of them failed. */
    private static GenerateResult failed(List<Diagnostic> diagnostics, List<String> notes) {
        return new GenerateResult(sorted(diagnostics), List.of(), List.of(), notes);
    }

    /** File order, then position; the order problems were found in breaks ties. */
    private static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
        List<Diagnostic> result = new ArrayList<>(diagnostics);
        result.sort(Comparator.comparing(Diagnostic::file)
                .thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column));
        return result;
    }
}
