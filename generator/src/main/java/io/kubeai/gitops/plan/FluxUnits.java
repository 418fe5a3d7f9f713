package io.kubeai.gitops.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flux with one chain per delivery unit: each folder's steps (load, snapshot, serve, train) are Kustomizations
 * depending on the step before, and a folder's first step depends on the last step of the namespace and of
 * each folder it needs. Nothing else orders two units, so one Model's load never holds back another's update.
 */
final class FluxUnits {
    private static final String NAMESPACE = "namespace";

    private FluxUnits() {}

    static List<EntryPoint.FluxStep> steps(EntryPoint source, List<FolderPlan> folders) {
        Map<String, FolderPlan> units = new LinkedHashMap<>();
        folders.stream().filter(f -> !f.standalone()).forEach(f -> units.put(f.path(), f));
        List<EntryPoint.FluxStep> result = new ArrayList<>();
        for (FolderPlan folder : units.values()) {
            List<String> first = new ArrayList<>();
            List<String> needs = new ArrayList<>(folder.needs());
            if (!folder.path().equals(NAMESPACE)) {
                needs.add(0, NAMESPACE);
            }
            needs.stream().filter(units::containsKey).forEach(n -> first.add(last(source, units.get(n))));
            String before = null;
            for (String step : EntryPoints.steps(List.of(folder))) {
                String name = EntryPoints.unitName(source, folder.path(), "-" + step);
                result.add(new EntryPoint.FluxStep(
                        source,
                        name,
                        source.path() + "/" + step + "/" + folder.path(),
                        before == null ? first : List.of(before),
                        waits(folder, step),
                        source.namespace()));
                before = name;
            }
        }
        return result;
    }

    /**
     * Training can run for hours and nothing waits for it. A shared cache's loads are not waited for either:
     * the Models that need the cache need its volume, not every copy on it (each pod waits for its own).
     */
    private static boolean waits(FolderPlan folder, String step) {
        return !step.equals("train") && !folder.path().startsWith("caches/");
    }

    private static String last(EntryPoint source, FolderPlan folder) {
        List<String> steps = EntryPoints.steps(List.of(folder));
        return EntryPoints.unitName(source, folder.path(), "-" + steps.get(steps.size() - 1));
    }
}
