package io.kubeai.gitops.review;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubeai.gitops.resolve.RenderedNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The objects of a rendered tree, read from the files the generator wrote (listed in
 * {@code .kubeai-generated}; a tree without that list is read whole). Kustomizations are left out: they
 * list files and change whenever files come and go, which the objects themselves already show.
 */
final class RenderedTree {
    /** The generator's list of the files it wrote (see the {@code write} package). */
    private static final String GENERATED_LIST = ".kubeai-generated";

    private static final ObjectMapper YAML = new YAMLMapper();

    private final Map<String, Resource> byKey;
    /** Loader Job name to the Models whose init containers wait for it. */
    private final Map<String, SortedSet<String>> jobUsers = new TreeMap<>();
    /** Cache path to the Models whose adapter list (adapter-sync's {@code adapters.json}) reads from it. */
    private final Map<String, SortedSet<String>> cachePathUsers = new TreeMap<>();

    private RenderedTree(Map<String, Resource> byKey) {
        this.byKey = byKey;
        for (Resource r : byKey.values()) {
            if (r.model() == null) {
                continue;
            }
            if (r.is("Deployment")) {
                for (JsonNode init : Containers.inits(r)) {
                    Containers.jobArgument(init).ifPresent(job -> add(jobUsers, job, r.model()));
                }
            } else if (r.is("ConfigMap") && r.body().path("data").has(RenderedNames.ADAPTERS_KEY)) {
                try {
                    for (JsonNode adapter : YAML.readTree(r.body()
                                    .path("data")
                                    .path(RenderedNames.ADAPTERS_KEY)
                                    .asText())
                            .path("adapters")) {
                        if (adapter.hasNonNull("cachePath")) {
                            add(cachePathUsers, adapter.path("cachePath").asText(), r.model());
                        }
                    }
                } catch (IOException e) {
                    // An unreadable list names no user; the Model's own section reports the list as unreadable.
                }
            }
        }
    }

    private static void add(Map<String, SortedSet<String>> index, String key, String model) {
        index.computeIfAbsent(key, k -> new TreeSet<>()).add(model);
    }

    /** Reads the tree under {@code dir}; a folder that does not exist is an empty tree (nothing committed yet). */
    static RenderedTree read(Path dir) throws IOException {
        Map<String, Resource> resources = new LinkedHashMap<>();
        if (Files.isDirectory(dir)) {
            for (String file : files(dir)) {
                if ((file.endsWith(".yaml") || file.endsWith(".yml")) && Files.isRegularFile(dir.resolve(file))) {
                    read(dir, file, resources);
                }
            }
        }
        return new RenderedTree(resources);
    }

    private static void read(Path dir, String file, Map<String, Resource> into) throws IOException {
        String text = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        try (JsonParser parser = YAML.getFactory().createParser(text);
                MappingIterator<JsonNode> documents = YAML.readValues(parser, JsonNode.class)) {
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                if (document == null || !document.isObject() || isKustomization(file, document)) {
                    continue;
                }
                Resource resource = new Resource(file, document);
                into.put(resource.key(), resource);
            }
        } catch (IOException e) {
            throw new IOException(dir.resolve(file) + ": cannot read the YAML: " + e.getMessage(), e);
        }
    }

    /** kustomize's own files, not Flux's Kustomization objects ({@code kustomize.toolkit.fluxcd.io}). */
    private static boolean isKustomization(String file, JsonNode document) {
        String apiVersion = document.path("apiVersion").asText("");
        boolean named = file.equals("kustomization.yaml") || file.endsWith("/kustomization.yaml");
        return apiVersion.startsWith("kustomize.config.k8s.io/") || (named && apiVersion.isEmpty());
    }

    private static SortedSet<String> files(Path dir) throws IOException {
        SortedSet<String> files = new TreeSet<>();
        Path list = dir.resolve(GENERATED_LIST);
        if (Files.isRegularFile(list)) {
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                String path = line.strip();
                if (!path.isEmpty() && !path.startsWith("#") && !path.contains("..") && !path.startsWith("/")) {
                    files.add(path);
                }
            }
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> Stream.of(p.split("/")).noneMatch(part -> part.startsWith(".")))
                    .forEach(files::add);
        }
        return files;
    }

    Collection<Resource> resources() {
        return byKey.values();
    }

    Resource get(String key) {
        return byKey.get(key);
    }

    /** The Models, by their folder under {@code models/}. */
    SortedSet<String> models() {
        SortedSet<String> models = new TreeSet<>();
        byKey.values().stream().map(Resource::model).filter(m -> m != null).forEach(models::add);
        return models;
    }

    List<Resource> ofModel(String model) {
        return byKey.values().stream().filter(r -> model.equals(r.model())).toList();
    }

    Resource job(String name) {
        return byKey.values().stream()
                .filter(r -> r.is("Job") && r.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    /**
     * The Models that read what the loader Job loads: their init containers wait for it ({@code --job}), or
     * their adapter list reads from its destination.
     */
    SortedSet<String> usersOf(Resource job) {
        SortedSet<String> users = new TreeSet<>(jobUsers.getOrDefault(job.name(), new TreeSet<>()));
        String destination = job.annotation("kubeai.org/destination");
        if (destination != null) {
            users.addAll(cachePathUsers.getOrDefault(destination, new TreeSet<>()));
        }
        return users;
    }
}
