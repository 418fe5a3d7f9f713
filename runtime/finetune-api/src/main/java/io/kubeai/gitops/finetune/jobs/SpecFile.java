package io.kubeai.gitops.finetune.jobs;

import io.kubeai.gitops.hook.HookException;
import io.kubeai.gitops.hook.SpecEdit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The API's edits of the GitOps repo: a FineTuneJob file written (a new job) or deleted (a cancelled
 * one). Writing the same bytes again changes nothing, so a retried create makes no second commit.
 */
final class SpecFile implements SpecEdit {
    private final String file;
    private final Optional<String> content;
    private final String message;

    private SpecFile(String file, Optional<String> content, String message) {
        this.file = file;
        this.content = content;
        this.message = message;
    }

    static SpecFile write(JobSpec spec, String message) {
        return new SpecFile(spec.file(), Optional.of(spec.text()), message);
    }

    static SpecFile delete(String file, String message) {
        return new SpecFile(file, Optional.empty(), message);
    }

    @Override
    public String describe() {
        return content.isPresent() ? file : "the removal of " + file;
    }

    @Override
    public Applied apply(Path root, Path gitopsDir) throws HookException, IOException {
        Path target = gitopsDir.resolve(file);
        String path = root.relativize(target).toString().replace('\\', '/');
        if (content.isEmpty()) {
            if (!Files.exists(target)) {
                return new Unchanged(path + " is not in the branch");
            }
            Files.delete(target);
            return new Changed(path, message);
        }
        if (Files.exists(target)) {
            if (Files.readString(target, StandardCharsets.UTF_8).equals(content.get())) {
                return new Unchanged(path + " is already committed");
            }
            throw HookException.user(path + " already exists with other content; a job's id is never reused");
        }
        Files.createDirectories(target.getParent());
        Files.writeString(target, content.get(), StandardCharsets.UTF_8);
        return new Changed(path, message);
    }
}
