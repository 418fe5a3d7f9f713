package io.kubeai.gitops.maven;

import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Renders the GitOps repo's {@code kubeai.yaml} and {@code models/} into its {@code rendered/} Kustomize tree,
 * replacing the tree as a whole: files nothing renders any more are deleted. Fails the build, writing nothing,
 * when a spec is wrong.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class GenerateMojo extends AbstractKubeaiMojo {

    @Override
    boolean checkOnly() {
        return false;
    }

    @Override
    void report(GenerateRequest request, GenerateResult result) {
        result.fileLines().forEach(getLog()::info);
        getLog().info(result.summary(request.outputDir()));
    }
}
