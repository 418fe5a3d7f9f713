package io.kubeai.gitops.hook.testing;

import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/** A fresh checkout of a branch, for checking that its rendered tree is what the specs render. */
public final class Checkout {

    private Checkout() {}

    public static Path of(Path bareRepo, String branch, Path into) {
        try {
            Git.cloneRepository()
                    .setURI(bareRepo.toUri().toString())
                    .setBranch(branch)
                    .setDirectory(into.toFile())
                    .call()
                    .close();
            return into;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The generator in check mode over the checkout: what {@code kubeai:check} would say. */
    public static GenerateResult check(Path gitopsDir) {
        try {
            return new Generator()
                    .generate(GenerateRequest.builder(gitopsDir).check(true).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
