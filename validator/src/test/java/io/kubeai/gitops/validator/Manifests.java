package io.kubeai.gitops.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;

/** Manifests written in the tests themselves, where a line number matters. */
final class Manifests {

    private Manifests() {}

    static String deployment(String containerExtra) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: llama
                spec:
                  replicas: 1
                  selector:
                    matchLabels: {app: llama}
                  template:
                    metadata:
                      labels: {app: llama}
                    spec:
                      containers:
                        - name: server
                          image: vllm/vllm-openai:v0.6.3
                """ + containerExtra;
    }

    static JsonNode yaml(String text) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(text);
    }
}
