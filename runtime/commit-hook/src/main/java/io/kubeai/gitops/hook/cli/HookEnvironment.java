package io.kubeai.gitops.hook.cli;

import io.kubeai.gitops.hook.SpecCommitter;
import io.kubeai.gitops.hook.publish.AdapterPublisher;
import io.kubeai.gitops.hook.publish.LoaderPublisher;
import io.kubeai.gitops.hook.render.GeneratorRenderer;
import io.kubeai.gitops.hook.render.Renderer;
import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.runtime.retry.RetryPolicy;
import java.util.Map;

/**
 * What the commands take from outside the command line: environment variables, the renderer and
 * publisher, and the retry timing. {@link #system()} is the real one; tests build their own.
 *
 * @param env       environment variables ({@code GIT_USERNAME}, {@code GIT_PASSWORD}, {@code GIT_TOKEN}); the
 *                  publisher reads its own ({@code AWS_*}, {@code HF_TOKEN})
 * @param renderer  re-renders the GitOps repo
 * @param publisher uploads the adapter for {@code finish}
 * @param retry     backoff timing; {@code --max-attempts} replaces its attempt count
 * @param sleeper   waits between attempts
 */
public record HookEnvironment(
        Map<String, String> env,
        Renderer renderer,
        AdapterPublisher publisher,
        RetryPolicy retry,
        SpecCommitter.Sleeper sleeper) {

    public HookEnvironment {
        env = Map.copyOf(env);
    }

    public static HookEnvironment system() {
        return new HookEnvironment(
                System.getenv(),
                new GeneratorRenderer(),
                new LoaderPublisher(LoaderEnv.system()),
                RetryPolicy.GIT_PUSH,
                d -> Thread.sleep(d.toMillis()));
    }
}
