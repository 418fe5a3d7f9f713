package io.kubeai.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubeai.gitops.testing.HostileCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cases made from every string field of kubeai.yaml, the Model specs and the FineTuneJobs of the base repo:
 * each field gets YAML metacharacters (refused, or rendered literally into a valid tree) and a
 * {@code $(VAR)} reference (refused, or rendered so that the kubelet cannot expand it). URL fields must
 * refuse the reference outright.
 */
final class FieldCases {
    static final String YAML_META = "a: b\n- c # d {e} [f] &g *h !i |j >k %l @m \"n' ,o ?p";
    static final String REFERENCE = "x$(AWS_SECRET_ACCESS_KEY)y";

    private static final YAMLMapper YAML = new YAMLMapper();

    /** A field: the file, the document, the JSON pointer, and whether it holds a URL. */
    private record Field(String file, int doc, String pointer, boolean url) {}

    private static final List<Field> FIELDS = List.of(
            config("/namespace"),
            url("kubeai.yaml", 0, "/gitops/repository"),
            config("/gitops/revision"),
            config("/gitops/path"),
            config("/gitops/name"),
            config("/secretNames/huggingface"),
            config("/secretNames/aws"),
            url("kubeai.yaml", 0, "/huggingface/endpoint"),
            url("kubeai.yaml", 0, "/s3/endpoint"),
            config("/s3/region"),
            config("/loader/image"),
            config("/loader/imagePullPolicy"),
            config("/adapterSync/image"),
            config("/adapterSync/imagePullPolicy"),
            config("/resourceProfiles/small-cpu/imageName"),
            config("/resourceProfiles/small-cpu/requests/cpu"),
            config("/resourceProfiles/small-cpu/limits/memory"),
            config("/resourceProfiles/small-cpu/nodeSelector/pool"),
            config("/resourceProfiles/small-cpu/runtimeClassName"),
            config("/resourceProfiles/small-cpu/schedulerName"),
            url("kubeai.yaml", 0, "/finetuning/storage/defaultURLTemplate"),
            config("/finetuning/image"),
            config("/finetuning/resourceProfile"),
            url("kubeai.yaml", 0, "/finetuning/git/repository"),
            config("/finetuning/git/branch"),
            config("/finetuning/git/path"),
            config("/finetuning/git/secretName"),
            config("/finetuning/git/authorName"),
            config("/finetuning/git/authorEmail"),
            config("/models/cache/defaultProfile"),
            url("kubeai.yaml", 0, "/models/cache/profiles/Bucket/bucket/url"),
            config("/models/cache/profiles/Bucket/bucket/size"),
            config("/models/cache/profiles/EFS/sharedFilesystem/storageClass"),
            config("/models/cache/profiles/EFS/sharedFilesystem/baseDir"),
            config("/models/cache/profiles/EFS/sharedFilesystem/size"),
            config("/models/cache/profiles/Disk/staticVolume/storageClass"),
            config("/models/cache/profiles/Disk/staticVolume/snapshotClass"),
            config("/models/cache/profiles/Disk/staticVolume/size"),
            model("/metadata/name"),
            model("/metadata/labels/team"),
            model("/metadata/annotations/owner"),
            url("models/base.yaml", 0, "/spec/url"),
            url("models/base.yaml", 1, "/spec/url"),
            url("models/base.yaml", 2, "/spec/url"),
            model("/spec/engine"),
            model("/spec/features/0"),
            model("/spec/resourceProfile"),
            model("/spec/cacheProfile"),
            model("/spec/image"),
            model("/spec/args/0"),
            model("/spec/env/LOG_LEVEL"),
            model("/spec/files/0/path"),
            model("/spec/files/0/content"),
            model("/spec/priorityClassName"),
            model("/spec/adapters/0/name"),
            url("models/base.yaml", 0, "/spec/adapters/0/url"),
            job("/metadata/name"),
            job("/spec/model"),
            url("finetunes/jobs.yaml", 0, "/spec/training_file"),
            url("finetunes/jobs.yaml", 0, "/spec/validation_file"),
            job("/spec/suffix"),
            url("finetunes/jobs.yaml", 0, "/spec/storage_url"),
            job("/spec/image"),
            job("/spec/resourceProfile"));

    private FieldCases() {}

    private static Field config(String pointer) {
        return new Field("kubeai.yaml", 0, pointer, false);
    }

    private static Field model(String pointer) {
        return new Field("models/base.yaml", 0, pointer, false);
    }

    private static Field job(String pointer) {
        return new Field("finetunes/jobs.yaml", 0, pointer, false);
    }

    private static Field url(String file, int doc, String pointer) {
        return new Field(file, doc, pointer, true);
    }

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        for (Field f : FIELDS) {
            String id = f.file().replaceAll("\\.yaml$", "").replace('/', '.')
                    + (f.doc() > 0 ? "." + f.doc() : "")
                    + f.pointer().replace('/', '.');
            cases.add(new HostileCase(
                    id + "-yaml-metacharacters",
                    Map.of(f.file(), with(f, YAML_META)),
                    Map.of(),
                    List.of(),
                    HostileCase.Expect.EITHER,
                    List.of(errorFile(f)),
                    List.of(),
                    YAML_META,
                    List.of(),
                    "generate",
                    List.of(),
                    Map.of(),
                    baseValue(f)));
            cases.add(new HostileCase(
                    id + "-variable-reference",
                    Map.of(f.file(), with(f, REFERENCE)),
                    Map.of(),
                    List.of(),
                    f.url() ? HostileCase.Expect.ERROR : HostileCase.Expect.EITHER,
                    List.of(errorFile(f)),
                    List.of(),
                    null,
                    List.of(),
                    "generate",
                    List.of(),
                    Map.of(),
                    baseValue(f)));
        }
        return cases;
    }

    /** Where a refused value is reported: every field is refused at its own line. */
    private static String errorFile(Field f) {
        return f.file() + ":";
    }

    /** The field's value in the base repo. */
    private static String baseValue(Field f) {
        try {
            return documents(baseText(f)).get(f.doc()).at(f.pointer()).asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String baseText(Field f) throws IOException {
        return Files.readString(HostileCorpusTest.CORPUS.resolve("base").resolve(f.file()));
    }

    private static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            it.forEachRemaining(docs::add);
        }
        return docs;
    }

    /** The base file with {@code value} at the field. */
    private static String with(Field f, String value) {
        try {
            return with(
                    Files.readString(HostileCorpusTest.CORPUS.resolve("base").resolve(f.file())),
                    f.doc(),
                    f.pointer(),
                    value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code yaml} with {@code value} at {@code pointer} of document {@code doc}, written back by Jackson (which quotes as needed). */
    static String with(String yaml, int doc, String pointer, String value) throws IOException {
        List<JsonNode> docs = documents(yaml);
        JsonNode parent = docs.get(doc).at(pointer.substring(0, pointer.lastIndexOf('/')));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), array.textNode(value));
        } else {
            ((ObjectNode) parent).put(last, value);
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode d : docs) {
            out.append(YAML.writeValueAsString(d));
        }
        return out.toString();
    }
}
