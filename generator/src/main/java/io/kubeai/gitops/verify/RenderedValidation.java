package io.kubeai.gitops.verify;

import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.render.RenderedFile;
import io.kubeai.gitops.validator.ManifestValidator;
import io.kubeai.gitops.validator.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates every rendered file strictly (the validator's schema catalog and the API server's own
 * rules) before anything is written, so a template override that renders an unknown field or a
 * name the API server refuses fails the run instead of reaching the cluster. Each violation becomes
 * an error at the file and line where it would have been written, naming the object, the field and
 * the template that rendered it.
 */
public final class RenderedValidation {
    private final Path repoDir;
    private final Path outputDir;

    public RenderedValidation(Path repoDir, Path outputDir) {
        this.repoDir = repoDir;
        this.outputDir = outputDir;
    }

    /** Adds an error for every violation in {@code files}; files are checked in parallel, reported in order. */
    public void check(List<RenderedFile> files, List<Diagnostic> diagnostics) {
        ManifestValidator validator = Catalog.VALIDATOR;
        List<List<Diagnostic>> found = files.parallelStream()
                .map(file -> violations(validator, file).stream()
                        .map(violation -> diagnostic(violation, file))
                        .toList())
                .toList();
        found.forEach(diagnostics::addAll);
    }

    /**
     * The tree the renderer kept is checked, which spares parsing thousands of files; only a file with
     * a violation is read again as YAML, for the lines and columns of its violations.
     */
    private List<Violation> violations(ManifestValidator validator, RenderedFile file) {
        if (file.document() != null && validator.validate(file.document()).isEmpty()) {
            return List.of();
        }
        return validator.validateYaml(shown(file.path()), file.content());
    }

    private Diagnostic diagnostic(Violation violation, RenderedFile file) {
        StringBuilder message = new StringBuilder();
        if (violation.subject() != null) {
            message.append(violation.subject()).append(": ");
        }
        if (!violation.path().isEmpty()) {
            message.append(violation.path()).append(": ");
        }
        message.append(violation.message());
        if (file.template() != null) {
            message.append(" (rendered by ").append(relative(file.template())).append(')');
        }
        message.append("; fix the template, or run with --no-validate (kubeai.validate=false) to write it anyway");
        return new Diagnostic(
                Diagnostic.Severity.ERROR, violation.file(), violation.line(), violation.column(), message.toString());
    }

    /** The output file as the user sees it: relative to the repo when the output is inside it. */
    private String shown(String path) {
        Path file = outputDir.resolve(path);
        return (file.startsWith(repoDir) ? repoDir.relativize(file) : file)
                .toString()
                .replace('\\', '/');
    }

    private String relative(String template) {
        Path path = Path.of(template.replace(" (built-in)", ""));
        return path.isAbsolute() && path.startsWith(repoDir)
                ? repoDir.relativize(path).toString().replace('\\', '/')
                : template;
    }

    /** One validator per JVM, loaded on first use: the Maven plugin and the commit hook generate many times. */
    private static final class Catalog {
        static final ManifestValidator VALIDATOR = load();

        private static ManifestValidator load() {
            try {
                return ManifestValidator.builder().build();
            } catch (IOException e) {
                throw new UncheckedIOException("the validator's schema catalog cannot be read", e);
            }
        }
    }
}
