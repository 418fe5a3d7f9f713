package io.kubeai.gitops.hook.testing;

import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.testing.RenderedTreeChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies a GitOps repo from {@code src/test/resources/repos} to a temp folder, rendered or not. */
public final class GitOpsFixture {

    private static final Path REPOS = Path.of("src/test/resources/repos");

    private GitOpsFixture() {}

    /** The fixture's files only: enough for every failure that happens before rendering. */
    public static Path copy(String name, Path tmp) {
        Path target = tmp.resolve("fixture-" + name);
        copyTree(REPOS.resolve(name), target);
        return target;
    }

    /** The fixture with {@code rendered/} generated in {@code gitopsSubdir}, as a real repo commits it. */
    public static Path rendered(String name, String gitopsSubdir, Path tmp) {
        Path root = copy(name, tmp);
        Path gitops = gitopsSubdir.isEmpty() ? root : root.resolve(gitopsSubdir);
        try {
            GenerateResult result =
                    new Generator().generate(GenerateRequest.builder(gitops).build());
            if (result.hasErrors()) {
                throw new IllegalStateException("fixture " + name + " does not render: " + result.diagnostics());
            }
            RenderedTreeChecks.assertValid(gitops.resolve("rendered"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return root;
    }

    /** Writes {@code text} to {@code relative} inside the fixture (a test's own variation of it). */
    public static void write(Path root, String relative, String text) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
