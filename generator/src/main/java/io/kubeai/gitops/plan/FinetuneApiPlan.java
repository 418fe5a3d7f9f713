package io.kubeai.gitops.plan;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.kubeai.gitops.spec.KubeAIConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The finetuning API's objects, when kubeai.yaml enables it: its ServiceAccount with a Role that may
 * only read Jobs in the namespace (for status), a single-replica Deployment (its idempotency locks live
 * in the process), and a Service. The API keys are mounted from their Secret as a file, never written.
 *
 * @param name            the Deployment, Service, ServiceAccount, Role and RoleBinding
 * @param namespace       the namespace, for the RoleBinding's subject
 * @param image           the API's image
 * @param env             its environment: files bucket, Git target, S3 and Git credentials by reference
 * @param secretName      the Secret holding {@code apiKeys}
 * @param securityContext the restricted container security context
 */
public record FinetuneApiPlan(
        String name,
        String namespace,
        String image,
        List<EnvVar> env,
        String secretName,
        SecurityContext securityContext) {
    static final String NAME = "kubeai-finetune-api";
    static final String KEYS_DIR = "/var/run/secrets/kubeai-finetune-api";

    /** The API's folder, if kubeai.yaml enables it (validation made sure Git and a files URL exist). */
    static Optional<FolderPlan> of(KubeAIConfig config, Credentials credentials) {
        Optional<KubeAIConfig.FinetuneApiSettings> api = config.finetuning().api();
        Optional<KubeAIConfig.GitSettings> git = config.finetuning().git();
        if (api.isEmpty() || git.isEmpty()) {
            return Optional.empty();
        }
        List<EnvVar> env = new ArrayList<>();
        env.add(Credentials.plain("KUBEAI_API_KEY_FILE", KEYS_DIR + "/apiKeys"));
        env.add(Credentials.plain(
                "FILES_URL", api.get().filesUrl(config.cacheProfiles()).orElseThrow()));
        env.add(Credentials.plain("NAMESPACE", config.namespace()));
        env.add(Credentials.plain("GIT_REPOSITORY", git.get().repository()));
        env.add(Credentials.plain("GIT_BRANCH", git.get().branch()));
        if (!git.get().path().isEmpty()) {
            env.add(Credentials.plain("GIT_PATH", git.get().path()));
        }
        env.add(Credentials.plain("GIT_MODE", git.get().mode()));
        env.add(Credentials.plain("GIT_AUTHOR_NAME", git.get().authorName()));
        env.add(Credentials.plain("GIT_AUTHOR_EMAIL", git.get().authorEmail()));
        env.addAll(Credentials.git(git.get()));
        env.addAll(credentials.s3(api.get().filesUrl(config.cacheProfiles()).orElseThrow()));
        FinetuneApiPlan plan = new FinetuneApiPlan(
                NAME,
                config.namespace(),
                api.get().image(),
                env,
                api.get().secretName(),
                LoaderContainers.restricted());
        return Optional.of(new FolderPlan(
                "finetune-api",
                List.of(config.origin().file()),
                List.of(
                        new ResourcePlan(
                                "finetune-api-serviceaccount.yaml.ftl", "serviceaccount.yaml", plan, Phase.SERVING),
                        new ResourcePlan("finetune-api-role.yaml.ftl", "role.yaml", plan, Phase.SERVING),
                        new ResourcePlan("finetune-api-rolebinding.yaml.ftl", "rolebinding.yaml", plan, Phase.SERVING),
                        new ResourcePlan("finetune-api-deployment.yaml.ftl", "deployment.yaml", plan, Phase.SERVING),
                        new ResourcePlan("finetune-api-service.yaml.ftl", "service.yaml", plan, Phase.SERVING))));
    }
}
