package io.kubeai.gitops.review;

import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Pull-request review: renders the specs as they are now into a temporary folder and compares the objects
 * with a committed {@code rendered/} tree. Nothing in the repo is written.
 *
 * <p>Locally, compare with the repo's own {@code rendered/} before running {@code generate}. In CI, where a
 * pull request's {@code rendered/} is already regenerated, compare with the target branch's tree instead.
 */
public final class Review {
    private Review() {}

    /**
     * Compares {@code committedRenderedDir} (which need not exist: then everything is new) with what the specs
     * of {@code repoDir} render, using the repo's {@code kubeai.yaml} and {@code templates/}. Both paths are
     * taken as given, relative to the working directory.
     */
    public static PlanReport plan(Path repoDir, Path committedRenderedDir) throws IOException {
        return plan(GenerateRequest.builder(repoDir)
                .outputDir(committedRenderedDir.toAbsolutePath())
                .build());
    }

    /**
     * Compares the request's output folder, taken as the committed tree, with what its specs, config and
     * templates render (a relative output folder is inside the repo, as for {@code generate}). The request's {@code check} flag does not matter: nothing is written to its output.
     * Mistakes in the specs come back as the report's diagnostics; only I/O failures and bugs throw.
     */
    public static PlanReport plan(GenerateRequest request) throws IOException {
        Path scratch = Files.createTempDirectory("kubeai-plan-");
        try {
            Path rendered = scratch.resolve("rendered");
            GenerateRequest toScratch = GenerateRequest.builder(request.repoDir())
                    .configFile(request.configFile())
                    .templatesDir(request.templatesDir().orElse(null))
                    .outputDir(rendered)
                    .build();
            GenerateResult result = new Generator().generate(toScratch);
            if (result.hasErrors()) {
                return new PlanReport(result, null);
            }
            Changes changes = Comparison.between(RenderedTree.read(request.outputDir()), RenderedTree.read(rendered));
            return new PlanReport(result, changes);
        } finally {
            io.kubeai.gitops.write.OutputTree.deleteRecursively(scratch);
        }
    }
}
