package io.kubeai.gitops.verify;

import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.render.RenderedFile;
import io.kubeai.gitops.validator.ManifestValidator;
import io.kubeai.gitops.validator.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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

    /** Starts checking {@code files} in the background, in parallel; {@link Pending#join} gives what it found. */
    public Pending start(List<RenderedFile> files) {
        return new Pending(Catalog.VALIDATOR.thenApplyAsync(validator -> files.parallelStream()
                .flatMap(file -> violations(validator, file).stream().map(violation -> diagnostic(violation, file)))
                .toList()));
    }

    /** A validation under way. */
    public static final class Pending {
        private final CompletableFuture<List<Diagnostic>> found;

        private Pending(CompletableFuture<List<Diagnostic>> found) {
            this.found = found;
        }

        /** A validation that was not asked for: it finds nothing. */
        public static Pending skipped() {
            return new Pending(CompletableFuture.completedFuture(List.of()));
        }

        /** Waits for the result: an error for every violation, in file order. */
        public List<Diagnostic> join() {
            try {
                return found.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
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

    /**
     * Starts loading the schema catalog in the background, if no run in this JVM has yet: reading,
     * resolving and planning keep one core busy, so on a second one the catalog costs the run nothing.
     */
    public static void prepare() {
        // Touching the holder starts the load; the answer does not matter.
        Catalog.VALIDATOR.isDone();
    }

    /**
     * One validator per JVM, loaded once, in the common pool: the Maven plugin and the commit hook
     * generate many times.
     */
    private static final class Catalog {
        static final CompletableFuture<ManifestValidator> VALIDATOR = CompletableFuture.supplyAsync(Catalog::load);

        private static ManifestValidator load() {
            try {
                return ManifestValidator.builder().build();
            } catch (IOException e) {
                throw new UncheckedIOException("the validator's schema catalog cannot be read", e);
            }
        }
    }
}
