package io.kubeai.gitops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A GitOps repo of N Models spread over every cache mode, a third of them with adapters. */
final class SyntheticRepo {
    private SyntheticRepo() {}

    static void write(Path repo, int models) throws IOException {
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(repo.resolve("kubeai.yaml"), """
                models:
                  cache:
                    defaultProfile: Bucket
                    profiles:
                      Bucket:
                        bucket:
                          url: s3://bench/models/
                      Shared:
                        sharedFilesystem:
                          storageClass: nfs
                          baseDir: /models/
                      Disk:
                        staticVolume:
                          storageClass: hyperdisk-ml
                """);
        String[] profiles = {"Bucket", "Shared", "Disk", "None"};
        for (int i = 0; i < models; i++) {
            String profile = profiles[i % profiles.length];
            StringBuilder spec = new StringBuilder()
                    .append("apiVersion: kubeai.org/v1\nkind: Model\nmetadata:\n  name: model-")
                    .append(i)
                    .append("\nspec:\n  url: hf://bench/model-")
                    .append(i % 250)
                    .append("\n  cacheProfile: ")
                    .append(profile)
                    .append("\n  resourceProfile: nvidia-gpu-l4:")
                    .append(1 + i % 2)
                    .append("\n  args: [\"--max-model-len=8192\"]\n");
            if (i % 3 == 0 && !profile.equals("Disk")) {
                spec.append("  adapters:\n  - name: a\n    url: hf://bench/adapter-")
                        .append(i)
                        .append("\n  - name: b\n    url: s3://bench/adapters/b-")
                        .append(i)
                        .append('\n');
            }
            Files.writeString(repo.resolve("models/model-" + i + ".yaml"), spec.toString());
        }
    }
}
