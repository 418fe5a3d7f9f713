package io.kubeai.gitops.adaptersync.fakevllm;

/**
 * Runs the fake vLLM on its own, for trying the sidecar by hand: {@code FakeVllmMain [old|new|detail]}
 * prints its URL and serves until killed.
 */
public final class FakeVllmMain {

    private FakeVllmMain() {}

    public static void main(String[] args) throws Exception {
        FakeVllm.Style style = args.length > 0
                ? FakeVllm.Style.valueOf(args[0].toUpperCase(java.util.Locale.ROOT))
                : FakeVllm.Style.NEW;
        FakeVllm engine = new FakeVllm("base", style);
        System.out.println(engine.uri());
        Thread.currentThread().join();
    }
}
