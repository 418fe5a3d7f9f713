package io.kubeai.gitops.maven;

import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes nothing; fails the build when the committed {@code rendered/} tree is not exactly what the specs
 * render, or when a spec is wrong. Meant for pull-request CI, so a change to a spec cannot merge without
 * its rendered output.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractKubeaiMojo {

    @Override
    boolean checkOnly() {
        return true;
    }

    @Override
    void report(GenerateRequest request, GenerateResult result) throws MojoFailureException {
        if (result.upToDate()) {
            getLog().info("rendered tree is up to date: " + request.outputDir());
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(GenerateResult.stale(" " + request.outputDir(), "mvn kubeai:generate"));
        lines.addAll(result.staleLines());
        throw new MojoFailureException(String.join("\n", lines));
    }
}
