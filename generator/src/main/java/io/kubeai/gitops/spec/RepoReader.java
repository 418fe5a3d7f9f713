package io.kubeai.gitops.spec;

import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.wording.ConfigHints;
import io.kubeai.gitops.wording.ReaderHints;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a GitOps repo: kubeai.yaml and every Model under models/. Files are read in sorted order so
 * that diagnostics and output do not depend on the file system.
 */
public final class RepoReader {
    private final Path repoDir;
    private final List<Diagnostic> diagnostics;
    private final RepoFiles files;

    public RepoReader(Path repoDir, List<Diagnostic> diagnostics) throws IOException {
        this.repoDir = repoDir;
        this.diagnostics = diagnostics;
        this.files = new RepoFiles(repoDir, diagnostics);
    }

    /** The whole input, read. */
    public record Repo(KubeAIConfig config, List<Model> models, List<FineTuneJob> fineTuneJobs) {}

    public Repo read(Path configFile) throws IOException {
        String configName = display(configFile);
        Optional<YamlDocument> configDoc = Optional.empty();
        if (files.inside(configFile) && Files.isRegularFile(configFile)) {
            List<YamlDocument> docs = parse(configFile);
            if (docs.size() > 1) {
                diagnostics.add(
                        Diagnostics.error(docs.get(1).map().value(""), ConfigHints.oneConfigDocument(docs.size())));
            }
            configDoc = docs.stream().findFirst();
        }
        KubeAIConfig config = new ConfigReader(diagnostics).read(configDoc, configName);

        List<Model> models = new ArrayList<>();
        ModelReader reader = new ModelReader(diagnostics);
        for (Path file : files.yamlFiles(repoDir.resolve("models"))) {
            String stem = file.getFileName().toString().replaceAll("\\.ya?ml$", "");
            int unnamed = 0;
            for (YamlDocument doc : parse(file)) {
                boolean hasName = doc.root().path("metadata").hasNonNull("name");
                Optional<Model> model = reader.read(doc, stem, unnamed);
                if (model.isPresent() && !hasName) {
                    unnamed++;
                }
                model.ifPresent(models::add);
            }
        }
        List<FineTuneJob> jobs = new ArrayList<>();
        FineTuneReader fineTunes = new FineTuneReader(diagnostics);
        for (Path file : files.yamlFiles(repoDir.resolve("finetunes"))) {
            for (YamlDocument doc : parse(file)) {
                fineTunes.read(doc).ifPresent(jobs::add);
            }
        }
        return new Repo(config, models, jobs);
    }

    private List<YamlDocument> parse(Path file) throws IOException {
        String name = display(file);
        if (Files.size(file) > YamlFiles.MAX_FILE_BYTES) {
            diagnostics.add(Diagnostics.error(
                    SourcePosition.ofFile(name), ReaderHints.fileTooLarge(YamlFiles.MAX_FILE_BYTES / (1024 * 1024))));
            return List.of();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            diagnostics.add(Diagnostics.error(SourcePosition.ofFile(name), ReaderHints.notUtf8()));
            return List.of();
        }
        // Empty documents ('---' alone, or only comments) are skipped, as the README says.
        return YamlFiles.parse(name, text, diagnostics).stream()
                .filter(doc -> !doc.root().isNull())
                .toList();
    }

    /** Paths in diagnostics are relative to the repo, with '/' on every platform. */
    public String display(Path file) {
        return files.display(file);
    }
}
