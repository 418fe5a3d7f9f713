package io.kubeai.gitops.hook.render;

import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.api.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Renders with the generator library, exactly as {@code kubeai generate} does with its defaults, so
 * the commit passes {@code kubeai:check}.
 */
public final class GeneratorRenderer implements Renderer {

    private final Generator generator = new Generator();

    @Override
    public Rendering render(Path gitopsDir) throws IOException {
        GenerateRequest request = GenerateRequest.builder(gitopsDir).build();
        GenerateResult result = generator.generate(request);
        return new Rendering(
                request.outputDir(),
                result.diagnostics().stream()
                        .filter(Diagnostic::isError)
                        .map(Diagnostic::format)
                        .toList(),
                result.diagnostics().stream()
                        .filter(d -> !d.isError())
                        .map(Diagnostic::format)
                        .toList());
    }
}
