package io.kubeai.gitops.hook.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One file of the GitOps repo's {@code models/} folder, read for editing: the exact text and, for
 * each YAML document in it, the nodes with their positions.
 */
public final class ModelFile {

    private final SourceText source;
    private final List<YamlNode> documents;

    private ModelFile(SourceText source, List<YamlNode> documents) {
        this.source = source;
        this.documents = documents;
    }

    /** Reads the text; a syntax error comes back as a {@link ModelFileException} with its line. */
    public static ModelFile parse(String text) throws ModelFileException {
        SourceText source = new SourceText(text);
        return new ModelFile(source, YamlReader.documents(source));
    }

    public String text() {
        return source.text();
    }

    /** How many documents in this file are {@code kind: Model} with this {@code metadata.name}. */
    public int countModels(String name) {
        return modelDocuments(name).size();
    }

    /** 1-based line where the named Model's document starts, if the file has it. */
    public Optional<Integer> modelLine(String name) {
        List<Integer> found = modelDocuments(name);
        return found.isEmpty()
                ? Optional.empty()
                : Optional.of(source.line(documents.get(found.get(0)).start()));
    }

    /**
     * Appends the adapter to the first Model of that name, as a text edit that leaves every other
     * byte alone, and checks the new text reads back as the old data plus that one entry.
     */
    public EditResult appendAdapter(String modelName, Adapter adapter) throws ModelFileException {
        List<Integer> found = modelDocuments(modelName);
        if (found.isEmpty()) {
            return new EditResult.ModelNotFound();
        }
        int index = found.get(0);
        YamlNode.Mapping model = (YamlNode.Mapping) documents.get(index);
        EditResult result = new AdapterEdit(source, documents).apply(modelName, model, adapter);
        if (result instanceof EditResult.Appended appended) {
            EditVerifier.verify(source.text(), appended.text(), index, adapter, modelName);
        }
        return result;
    }

    private List<Integer> modelDocuments(String name) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i) instanceof YamlNode.Mapping root
                    && root.scalar("kind").filter("Model"::equals).isPresent()
                    && root.get("metadata")
                            .filter(YamlNode.Mapping.class::isInstance)
                            .flatMap(m -> ((YamlNode.Mapping) m).scalar("name"))
                            .filter(name::equals)
                            .isPresent()) {
                found.add(i);
            }
        }
        return found;
    }
}
