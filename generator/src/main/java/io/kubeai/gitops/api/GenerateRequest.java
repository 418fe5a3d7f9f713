package io.kubeai.gitops.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to generate: the GitOps repo to read and where the rendered tree goes. Build one with
 * {@link #builder(Path)}; every default lives in the builder.
 *
 * @param repoDir      the GitOps repo holding {@code kubeai.yaml}, {@code models/} and {@code finetunes/}
 * @param configFile   the KubeAI config; absent means the built-in default (no cache profiles)
 * @param outputDir    where the rendered tree is written
 * @param templatesDir a folder whose templates override the built-in ones by file name, if any
 * @param check        when true nothing is written: the result says whether {@code outputDir} is up to date
 * @param validate     whether every rendered document is validated strictly (the validator's schema
 *                     catalog and the API server's rules) before anything is written; a violation is
 *                     an error and nothing is written
 * @param allowEmpty   when true a run that reads no Model may delete every Model's files; otherwise that is
 *                     refused as a likely mistake (a moved or linked models/ folder)
 */
public record GenerateRequest(
        Path repoDir,
        Path configFile,
        Path outputDir,
        Optional<Path> templatesDir,
        boolean check,
        boolean validate,
        boolean allowEmpty) {

    public GenerateRequest {
        Objects.requireNonNull(repoDir, "repoDir");
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(templatesDir, "templatesDir");
    }

    public static Builder builder(Path repoDir) {
        return new Builder(repoDir);
    }

    /**
     * Fills in the defaults: {@code kubeai.yaml}, {@code rendered/} and {@code templates/} inside the
     * repo, and validation on.
     */
    public static final class Builder {
        private final Path repoDir;
        private Path configFile;
        private Path outputDir;
        private Path templatesDir;
        private boolean check;
        private boolean validate = true;
        private boolean allowEmpty;

        private Builder(Path repoDir) {
            this.repoDir =
                    Objects.requireNonNull(repoDir, "repoDir").toAbsolutePath().normalize();
        }

        public Builder configFile(Path file) {
            this.configFile = file;
            return this;
        }

        public Builder outputDir(Path dir) {
            this.outputDir = dir;
            return this;
        }

        public Builder templatesDir(Path dir) {
            this.templatesDir = dir;
            return this;
        }

        public Builder check(boolean check) {
            this.check = check;
            return this;
        }

        /** Whether to validate what is rendered before writing it (default true). */
        public Builder validate(boolean validate) {
            this.validate = validate;
            return this;
        }

        /** Whether a run that reads no Model may delete every Model's files (default false). */
        public Builder allowEmpty(boolean allowEmpty) {
            this.allowEmpty = allowEmpty;
            return this;
        }

        public GenerateRequest build() {
            Path config = configFile != null ? resolve(configFile) : repoDir.resolve("kubeai.yaml");
            Path output = outputDir != null ? resolve(outputDir) : repoDir.resolve("rendered");
            Path templates = templatesDir != null ? resolve(templatesDir) : repoDir.resolve("templates");
            return new GenerateRequest(repoDir, config, output, Optional.of(templates), check, validate, allowEmpty);
        }

        private Path resolve(Path p) {
            return repoDir.resolve(p).toAbsolutePath().normalize();
        }
    }
}
