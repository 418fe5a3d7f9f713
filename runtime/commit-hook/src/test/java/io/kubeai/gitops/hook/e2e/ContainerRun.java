package io.kubeai.gitops.hook.e2e;

import io.kubeai.gitops.hook.cli.HookEnvironment;
import io.kubeai.gitops.hook.publish.LoaderPublisher;
import io.kubeai.gitops.hook.render.GeneratorRenderer;
import io.kubeai.gitops.hook.testing.HookRun;
import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.loader.cli.LoaderMain;
import io.kubeai.gitops.runtime.retry.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * How one container ended: its exit code and what it printed. The factories run the programs of the
 * runtime images in process, with exactly the container's arguments and environment.
 *
 * @param container the container's name
 * @param exitCode  its exit code
 * @param out       standard output
 * @param err       standard error
 */
public record ContainerRun(String container, int exitCode, String out, String err) {

    /** The loader image: its entry point is the loader CLI. */
    public static ContainerRun loader(String container, List<String> args, Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LoaderMain.run(
                args.toArray(String[]::new),
                LoaderEnv.of(env),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new ContainerRun(
                container, code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The commit-hook image: its entry point is the hook CLI, publishing with the loader library. */
    public static ContainerRun hook(String container, List<String> args, Map<String, String> env) {
        HookEnvironment environment = new HookEnvironment(
                env,
                new GeneratorRenderer(),
                new LoaderPublisher(LoaderEnv.of(env)),
                RetryPolicy.GIT_PUSH,
                d -> Thread.sleep(d.toMillis()));
        HookRun run = HookRun.of(environment, args.toArray(String[]::new));
        return new ContainerRun(container, run.exitCode(), run.out(), run.err());
    }

    @Override
    public String toString() {
        return "container " + container + ": exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
