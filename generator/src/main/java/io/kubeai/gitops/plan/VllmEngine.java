package io.kubeai.gitops.plan;

import java.util.List;

/** vLLM's OpenAI server; arguments in KubeAI's order. */
final class VllmEngine extends Engine {

    @Override
    boolean streamsFromS3() {
        return true;
    }

    @Override
    void configure(ServerDraft server, ModelLocation location, List<String> userArgs) {
        server.args.add("--model=" + location.reference());
        server.args.add("--served-model-name=" + server.name);
        if (location.scheme().equals("s3")) {
            // The Run:ai streamer reads safetensors straight from the bucket into GPU memory.
            server.args.add("--load-format=runai_streamer");
        }
        location.revision().ifPresent(r -> server.args.add("--revision=" + r));
        server.args.addAll(userArgs);
        probes(server);
    }

    @Override
    void adapters(ServerDraft server, String model, List<String> adapterNames) {
        server.args.add("--enable-lora");
        server.args.add("--lora-modules");
        for (String adapter : adapterNames) {
            server.args.add(model + "_" + adapter + "=" + AdapterPlanner.MOUNT + "/" + adapter);
        }
    }
}
