package io.kubeai.gitops.spec;

import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.wording.ConfigHints;
import io.kubeai.gitops.wording.ReaderHints;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads kubeai.yaml into a {@link KubeAIConfig}. A missing file means KubeAI's Helm default: no cache
 * profiles, {@code defaultProfile: None}.
 */
public final class ConfigReader {
    public static final String DEFAULT_NAMESPACE = "kubeai";
    public static final String DEFAULT_LOADER_IMAGE = DefaultImages.of("kubeai-loader");
    public static final String DEFAULT_HOOK_IMAGE = DefaultImages.of("kubeai-commit-hook");
    public static final String DEFAULT_FINETUNE_API_IMAGE = DefaultImages.of("kubeai-finetune-api");
    public static final String DEFAULT_ADAPTER_SYNC_IMAGE = DefaultImages.of("kubeai-adapter-sync");
    /** Native sidecars (adapter-sync) are on by default from Kubernetes 1.29. */
    public static final Version DEFAULT_KUBERNETES_VERSION =
            Version.parse("1.29").orElseThrow();

    static final Set<String> GITOPS_ENGINES = Set.of("argocd", "flux", "plain");

    private final List<Diagnostic> diagnostics;

    public ConfigReader(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    private static KubeAIConfig.Units units(Fields gitops) {
        String key = gitops.string("units").orElse(KubeAIConfig.Units.PER_MODEL.key());
        return KubeAIConfig.Units.of(key).orElseGet(() -> {
            gitops.errorAt("units", ConfigHints.unknownGitopsUnits(key));
            return KubeAIConfig.Units.PER_MODEL;
        });
    }

    /** Reads the config document, or the defaults when there is none. */
    public KubeAIConfig read(Optional<YamlDocument> document, String fileName) {
        YamlDocument doc = document.orElseGet(() -> emptyDocument(fileName));
        Fields root = Fields.at(doc, "", doc.root(), diagnostics);

        String namespace = root.string("namespace").orElse(DEFAULT_NAMESPACE);
        Fields models = root.object("models");
        Fields cache = models.object("cache");
        Optional<String> defaultProfile = cache.string("defaultProfile");
        Map<String, CacheProfile> profiles = new LinkedHashMap<>();
        for (Map.Entry<String, Fields> e : cache.entries("profiles")) {
            readCacheProfile(e.getKey(), e.getValue()).ifPresent(p -> profiles.put(p.name(), p));
        }
        for (Map.Entry<String, Fields> e : root.entries("cacheProfiles")) {
            // KubeAI's Helm values keep their (sharedFilesystem) profiles here, beside models.cache.profiles.
            if (profiles.containsKey(e.getKey())) {
                e.getValue().error(e.getValue().pointer(), ConfigHints.cacheProfileTwice(e.getKey()));
                continue;
            }
            readCacheProfile(e.getKey(), e.getValue()).ifPresent(p -> profiles.put(p.name(), p));
        }
        defaultProfile = resolveKindAlias(defaultProfile, profiles, cache);
        cache.finish();
        models.finish();

        Map<String, ResourceProfile> resourceProfiles = new ResourceProfileLayers(diagnostics).read(root);
        Map<String, java.time.Duration> startupTimeouts = new TreeMap<>();
        Map<String, Map<String, String>> images = readEngineImages(root, startupTimeouts);
        Version kubernetesVersion =
                CheckedFields.kubernetesVersion(root, "kubernetesVersion").orElse(DEFAULT_KUBERNETES_VERSION);

        HelmValues helm = new HelmValues(root);
        Fields secretNames = root.object("secretNames");
        KubeAIConfig.SecretNames secrets = new KubeAIConfig.SecretNames(
                secretName(secretNames, helm, "huggingface"),
                secretName(secretNames, helm, "aws"),
                secretName(secretNames, helm, "gcp"),
                secretName(secretNames, helm, "alibaba"));
        secretNames.finish();
        KubeAIConfig.ModelPods modelPods = helm.modelPods();
        helm.warnIgnored();

        Fields hub = root.object("huggingface");
        KubeAIConfig.HuggingFaceSettings huggingFace = new KubeAIConfig.HuggingFaceSettings(
                CheckedFields.httpUrl(hub, "endpoint", "the Secret named by secretNames.huggingface (key token)"));
        hub.finish();

        Fields loader = root.object("loader");
        KubeAIConfig.LoaderSettings loaderSettings = new KubeAIConfig.LoaderSettings(
                loader.string("image").orElse(DEFAULT_LOADER_IMAGE),
                CheckedFields.pullPolicy(loader),
                orDefault(CheckedFields.quantities(loader, "requests"), Map.of("cpu", "500m", "memory", "512Mi")),
                orDefault(CheckedFields.quantities(loader, "limits"), Map.of("memory", "1Gi")));
        loader.finish();

        Fields sync = root.object("adapterSync");
        KubeAIConfig.AdapterSyncSettings syncSettings = new KubeAIConfig.AdapterSyncSettings(
                sync.string("image").orElse(DEFAULT_ADAPTER_SYNC_IMAGE),
                CheckedFields.pullPolicy(sync),
                sync.integer("maxLoras").orElse(4),
                sync.integer("maxLoraRank").orElse(64),
                sync.integer("maxCpuLoras").orElse(32),
                sync.bool("strictReadiness").orElse(false),
                CheckedFields.duration(sync, "initialAdapterWait"));
        sync.finish();

        Fields s3 = root.object("s3");
        // Only URLs of no bucket profile use it: a local bucket, or a profile with its own endpoint, is
        // reached at its own address, so an s3:// URL of another bucket never goes to the local one.
        Optional<String> endpoint = CheckedFields.httpUrl(s3, "endpoint", "the Secret named by secretNames.aws");
        KubeAIConfig.S3Settings s3Settings = new KubeAIConfig.S3Settings(
                endpoint,
                s3.string("region").orElse("us-east-1"),
                s3.bool("pathStyle").orElse(endpoint.isPresent()));
        s3.finish();

        KubeAIConfig.FinetuningSettings finetuningSettings = readFinetuning(root.object("finetuning"));

        Fields gitops = root.object("gitops");
        String engine = gitops.string("engine").orElse("argocd");
        if (!GITOPS_ENGINES.contains(engine)) {
            gitops.errorAt("engine", ConfigHints.unknownGitopsEngine(engine));
        }
        KubeAIConfig.GitOpsSettings gitopsSettings = new KubeAIConfig.GitOpsSettings(
                engine,
                CheckedFields.url(
                        gitops,
                        "repository",
                        "the repository credentials of Argo CD or Flux (a Secret in the cluster), not the URL"),
                gitops.string("revision").orElse("main"),
                gitops.string("path").orElse("rendered").replaceAll("^\\./|/+$", ""),
                gitops.string("name").orElse("kubeai"),
                units(gitops));
        gitops.finish();
        ServingSettings serving = ServingSettingsReader.read(root);
        root.finish();

        return new KubeAIConfig(
                namespace,
                defaultProfile,
                profiles,
                resourceProfiles,
                images,
                secrets,
                huggingFace,
                loaderSettings,
                syncSettings,
                s3Settings,
                finetuningSettings,
                gitopsSettings,
                serving,
                modelPods,
                kubernetesVersion,
                startupTimeouts,
                new Origin(doc, ""));
    }

    /** secretNames.<kind>, else the Secret KubeAI's Helm values name, else the kind itself. */
    private static String secretName(Fields secretNames, HelmValues helm, String kind) {
        Optional<String> fromHelm = helm.secretName(kind);
        return CheckedFields.secretName(secretNames, kind).or(() -> fromHelm).orElse(kind);
    }

    private KubeAIConfig.FinetuningSettings readFinetuning(Fields finetuning) {
        Fields storage = finetuning.object("storage");
        Optional<String> template =
                CheckedFields.url(storage, "defaultURLTemplate", "the Secret named by secretNames.aws");
        storage.finish();
        Fields git = finetuning.object("git");
        Optional<KubeAIConfig.GitSettings> gitSettings = Optional.empty();
        if (git.isPresent()) {
            requireField(git, "repository", "the GitOps repo's clone URL, e.g. https://github.com/org/gitops.git");
            String mode = git.string("mode").orElse("push");
            if (!mode.equals("push") && !mode.equals("branch")) {
                git.errorAt("mode", ConfigHints.unknownGitMode(mode));
            }
            gitSettings = Optional.of(new KubeAIConfig.GitSettings(
                    CheckedFields.url(
                                    git,
                                    "repository",
                                    "the Secret named by finetuning.git.secretName (keys username, password)")
                            .orElse(""),
                    git.string("branch").orElse("main"),
                    git.string("path").orElse(""),
                    CheckedFields.secretName(git, "secretName").orElse("kubeai-git"),
                    mode,
                    git.string("authorName").orElse("kubeai-finetune"),
                    git.string("authorEmail").orElse("kubeai-finetune@users.noreply.kubeai.org")));
            git.finish();
        }
        Fields api = finetuning.object("api");
        Optional<KubeAIConfig.FinetuneApiSettings> apiSettings = Optional.empty();
        boolean enabled = api.bool("enabled").orElse(false);
        KubeAIConfig.FinetuneApiSettings read = new KubeAIConfig.FinetuneApiSettings(
                api.string("image").orElse(DEFAULT_FINETUNE_API_IMAGE),
                api.string("filesURL"),
                CheckedFields.secretName(api, "secretName").orElse("kubeai-finetune-api"));
        if (enabled) {
            apiSettings = Optional.of(read);
        }
        api.finish();
        KubeAIConfig.FinetuningSettings settings = new KubeAIConfig.FinetuningSettings(
                template,
                finetuning.string("image"),
                finetuning.string("resourceProfile").orElse("nvidia-gpu-l4:1"),
                finetuning.string("hookImage").orElse(DEFAULT_HOOK_IMAGE),
                gitSettings,
                apiSettings);
        finetuning.finish();
        return settings;
    }

    private Optional<CacheProfile> readCacheProfile(String name, Fields profile) {
        if (name.equals(CacheProfile.NONE)) {
            profile.error(profile.pointer(), ConfigHints.reservedProfileNone());
        }
        List<CacheStorage> kinds = new ArrayList<>();
        Fields bucket = profile.object("bucket");
        if (bucket.isPresent()) {
            String url = bucket.string("url").orElse("");
            SourceUrl.Result parsed = SourceUrl.parse(url);
            if (!url.isEmpty() && parsed.url().isEmpty() && url.startsWith("s3://")) {
                bucket.errorAt("url", parsed.problem());
            } else if (!url.startsWith("s3://") || url.length() <= "s3://".length()) {
                bucket.errorAt("url", ConfigHints.bucketUrlNotS3());
            }
            boolean local = bucket.bool("local").orElse(false);
            Optional<String> endpoint =
                    CheckedFields.httpUrl(bucket, "endpoint", "the Secret named by secretNames.aws");
            if (local && endpoint.isPresent()) {
                bucket.errorAt("endpoint", ConfigHints.localBucketEndpoint());
            }
            kinds.add(new CacheStorage.Bucket(
                    url, local, CheckedFields.quantity(bucket, "size").orElse("100Gi"), endpoint));
            requireField(bucket, "url", "the bucket's s3:// URL");
            bucket.finish();
        }
        Fields shared = profile.object("sharedFilesystem");
        if (shared.isPresent()) {
            kinds.add(readSharedFilesystem(shared));
        }
        Fields fixed = profile.object("staticVolume");
        if (fixed.isPresent()) {
            requireField(fixed, "storageClass", "the storage class of the disks, e.g. hyperdisk-ml");
            Optional<Integer> attachments = fixed.integer("maxReadOnlyAttachments");
            attachments
                    .filter(n -> n < 1)
                    .ifPresent(n -> fixed.errorAt("maxReadOnlyAttachments", ConfigHints.attachmentsAtLeastOne()));
            kinds.add(new CacheStorage.StaticVolume(
                    fixed.string("storageClass").orElse(""),
                    CheckedFields.quantity(fixed, "size").orElse("200Gi"),
                    fixed.string("snapshotClass"),
                    attachments));
            fixed.finish();
        }
        profile.finish();
        if (kinds.size() != 1) {
            profile.error(
                    profile.pointer(),
                    ConfigHints.oneStorageKind(name, String.valueOf(CacheStorage.Kind.keys()), kinds.size()));
            return Optional.empty();
        }
        return Optional.of(new CacheProfile(name, kinds.get(0), Origin.of(profile)));
    }

    /**
     * A shared filesystem from a storage class, or provisioned outside the Kubernetes API (the proposal's
     * words): a PersistentVolume the claim binds, or a claim that exists already. KubeAI's Helm values
     * spell the storage class {@code storageClassName}; both spellings are read.
     */
    private CacheStorage.SharedFilesystem readSharedFilesystem(Fields shared) {
        String mode = shared.string("mode").orElse("SharedFilesystem");
        if (!mode.equals("SharedFilesystem")) {
            shared.errorAt("mode", ConfigHints.unknownSharedMode(mode));
        }
        Optional<String> storageClass = shared.string("storageClass").or(() -> shared.string("storageClassName"));
        Optional<String> volume = shared.string("persistentVolumeName");
        Optional<String> claim = shared.string("claimName");
        if (claim.isPresent() && (storageClass.isPresent() || volume.isPresent())) {
            shared.errorAt("claimName", ConfigHints.claimWithClass());
        } else if (claim.isEmpty() && storageClass.isEmpty() && volume.isEmpty()) {
            shared.error(shared.pointer(), ConfigHints.sharedFilesystemWithoutVolume());
        }
        // A claim bound to a given volume asks for little, so any volume of the filesystem satisfies it.
        String size = CheckedFields.quantity(shared, "size").orElse(volume.isPresent() ? "10Gi" : "1Ti");
        CacheStorage.SharedFilesystem fs = new CacheStorage.SharedFilesystem(
                storageClass.orElse(""), mode, CheckedFields.baseDir(shared), size, volume, claim);
        shared.finish();
        return fs;
    }

    /**
     * The proposal's own config says {@code defaultProfile: Bucket} beside a profile named StandardBucket.
     * A default that names a kind of profile rather than a profile means the one profile of that kind.
     */
    private Optional<String> resolveKindAlias(Optional<String> name, Map<String, CacheProfile> profiles, Fields cache) {
        if (name.isEmpty() || name.get().equals(CacheProfile.NONE) || profiles.containsKey(name.get())) {
            return name;
        }
        String kind = name.get().toLowerCase(java.util.Locale.ROOT);
        List<CacheProfile> ofKind = profiles.values().stream()
                .filter(p -> kindName(p.storage()).equals(kind))
                .toList();
        if (ofKind.size() != 1) {
            return name;
        }
        String resolved = ofKind.get(0).name();
        cache.warningAt("defaultProfile", ConfigHints.defaultProfileByKind(name.get(), resolved));
        return Optional.of(resolved);
    }

    private static String kindName(CacheStorage storage) {
        if (storage instanceof CacheStorage.Bucket) {
            return "bucket";
        }
        return storage instanceof CacheStorage.SharedFilesystem ? "sharedfilesystem" : "staticvolume";
    }

    private void requireField(Fields fields, String name, String what) {
        if (!fields.has(name)) {
            fields.error(fields.pointer(), ReaderHints.missing(name, what));
        }
    }

    /** "/models/" and "models" mean the same folder inside the volume. */
    static String normalizeBaseDir(String baseDir) {
        String trimmed = baseDir.replaceAll("^/+", "").replaceAll("/+$", "");
        return trimmed;
    }

    private Map<String, Map<String, String>> readEngineImages(
            Fields root, Map<String, java.time.Duration> startupTimeouts) {
        Map<String, Map<String, String>> result = new TreeMap<>();
        YamlDocument builtIn = BuiltInProfiles.load(BuiltInProfiles.MODEL_SERVERS);
        Fields builtInRoot = Fields.at(builtIn, "", builtIn.root(), diagnostics);
        List<Map.Entry<String, Fields>> servers = new ArrayList<>(builtInRoot.entries("modelServers"));
        servers.addAll(root.entries("modelServers"));
        for (Map.Entry<String, Fields> e : servers) {
            if (Engine.named(e.getKey()).isEmpty()) {
                e.getValue()
                        .error(e.getValue().pointer(), ConfigHints.unknownModelServer(e.getKey(), Engine.names(", ")));
                continue;
            }
            result.computeIfAbsent(e.getKey(), k -> new TreeMap<>())
                    .putAll(e.getValue().stringMap("images"));
            CheckedFields.timeout(e.getValue(), "startupTimeout").ifPresent(t -> startupTimeouts.put(e.getKey(), t));
            e.getValue().finish();
        }
        return result;
    }

    private static Map<String, String> orDefault(Map<String, String> given, Map<String, String> fallback) {
        return given.isEmpty() ? new TreeMap<>(fallback) : given;
    }

    private static YamlDocument emptyDocument(String fileName) {
        return new YamlDocument(
                fileName, 0, com.fasterxml.jackson.databind.node.NullNode.getInstance(), new SourceMap(fileName));
    }
}
