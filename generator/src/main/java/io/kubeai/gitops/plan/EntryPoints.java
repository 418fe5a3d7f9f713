package io.kubeai.gitops.plan;

import io.kubeai.gitops.resolve.Names;
import io.kubeai.gitops.spec.KubeAIConfig;
import io.kubeai.gitops.spec.KubeAIConfig.Units;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The GitOps engines' entry points. With {@code gitops.units: perModel} (the default) each folder is a
 * delivery unit: an Argo CD ApplicationSet makes one Application per folder, and Flux gets one chain of
 * Kustomizations per folder, each step depending on the one before and the chain on the folders it needs.
 * With {@code single}, one Application or one chain applies the whole tree in sync waves (steps).
 */
final class EntryPoints {
    /** The longest label value: Argo CD and Flux label every object they apply with the unit's name. */
    private static final int MAX_NAME = 63;

    /** Folders that hold one unit per subfolder, and the prefix of those units' names. */
    private static final Map<String, String> GROUPS = new TreeMap<>(Map.of(
            "models", "model-",
            "caches", "cache-",
            "finetunes", "finetune-"));

    private EntryPoints() {}

    static Optional<FolderPlan> of(KubeAIConfig config, List<FolderPlan> folders) {
        KubeAIConfig.GitOpsSettings gitops = config.gitops();
        if (gitops.repository().isEmpty() || gitops.engine().equals("plain")) {
            return Optional.empty();
        }
        EntryPoint source = new EntryPoint(
                gitops.name(), config.namespace(), gitops.repository().get(), gitops.revision(), gitops.path());
        boolean perUnit = gitops.units() == Units.PER_MODEL;
        List<ResourcePlan> resources = new ArrayList<>();
        if (gitops.engine().equals("argocd")) {
            if (perUnit) {
                resources.add(new ResourcePlan(
                        "argocd-applicationset.yaml.ftl",
                        "applicationset.yaml",
                        applicationSet(source),
                        Phase.SERVING));
            } else {
                resources.add(
                        new ResourcePlan("argocd-application.yaml.ftl", "application.yaml", source, Phase.SERVING));
            }
            return Optional.of(new FolderPlan("argocd", List.of(), resources, true));
        }
        resources.add(new ResourcePlan("flux-gitrepository.yaml.ftl", "gitrepository.yaml", source, Phase.SERVING));
        List<EntryPoint.FluxStep> steps = perUnit ? FluxUnits.steps(source, folders) : wholeTree(source, folders);
        if (perUnit) {
            // New Models add Kustomizations: this one applies the folder that holds them, itself included.
            resources.add(kustomization(
                    "units",
                    new EntryPoint.FluxStep(
                            source, source.name() + "-units", source.path() + "/flux", List.of(), false, "")));
        }
        for (EntryPoint.FluxStep step : steps) {
            resources.add(kustomization(step.name().substring(source.name().length() + 1), step));
        }
        return Optional.of(new FolderPlan("flux", List.of(), resources, true));
    }

    private static ResourcePlan kustomization(String id, EntryPoint.FluxStep step) {
        return new ResourcePlan("flux-kustomization.yaml.ftl", "kustomization-" + id + ".yaml", step, Phase.SERVING);
    }

    /**
     * Every unit folder, whatever Models the tree holds today: the ApplicationSet is applied once by hand,
     * so it must not change when a Model or a cache is added.
     */
    private static EntryPoint.ApplicationSet applicationSet(EntryPoint source) {
        List<EntryPoint.Directories> generators = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        GROUPS.forEach((group, prefix) -> {
            generators.add(new EntryPoint.Directories(
                    source.name() + "-" + prefix, List.of(source.path() + "/" + group + "/*"), List.of()));
            groups.add(source.path() + "/" + group);
        });
        List<String> exclude = new ArrayList<>(groups);
        exclude.add(source.path() + "/argocd");
        exclude.add(source.path() + "/flux");
        generators.add(
                new EntryPoint.Directories(source.name() + "-", List.of(source.path() + "/*"), List.copyOf(exclude)));
        return new EntryPoint.ApplicationSet(source, generators);
    }

    /** The whole tree as one chain: one Kustomization per step, each depending on the one before. */
    private static List<EntryPoint.FluxStep> wholeTree(EntryPoint source, List<FolderPlan> folders) {
        List<EntryPoint.FluxStep> steps = new ArrayList<>();
        String before = null;
        for (String step : steps(folders)) {
            String name = source.name() + "-" + step;
            // Training can run for hours: nothing after it waits, so Flux does not wait for it either.
            steps.add(new EntryPoint.FluxStep(
                    source,
                    name,
                    source.path() + "/" + step,
                    before == null ? List.of() : List.of(before),
                    !step.equals("train"),
                    source.namespace()));
            before = name;
        }
        return steps;
    }

    /** The steps that have objects in {@code folders}, in the order of {@link Phase}. */
    static List<String> steps(List<FolderPlan> folders) {
        Set<String> present = new LinkedHashSet<>();
        for (FolderPlan folder : folders) {
            folder.resources().forEach(r -> present.add(r.phase().step()));
        }
        List<String> steps = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            if (present.contains(phase.step()) && !steps.contains(phase.step())) {
                steps.add(phase.step());
            }
        }
        return steps;
    }

    /** A unit's name: the entry point's, the kind of folder and the folder's, within a label's 63 characters. */
    static String unitName(EntryPoint source, String folder, String suffix) {
        String[] parts = folder.split("/", 2);
        String unit = parts.length == 2 && GROUPS.containsKey(parts[0]) ? GROUPS.get(parts[0]) + parts[1] : folder;
        String name = source.name() + "-" + unit + suffix;
        if (name.length() <= MAX_NAME) {
            return name;
        }
        String hash = Names.hash(name, 8);
        return Names.slug(name, MAX_NAME - hash.length() - suffix.length() - 1) + "-" + hash + suffix;
    }
}
