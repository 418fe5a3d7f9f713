package io.kubeai.gitops.spec;

/**
 * Where a spec object came from: its document and the JSON pointer of the object inside it. Later stages
 * use it to place their diagnostics on the right line.
 */
public record Origin(YamlDocument document, String pointer) {

    public static Origin of(Fields fields) {
        return new Origin(fields.document(), fields.pointer());
    }

    /** Position of the value at {@code relative} (e.g. {@code "/url"}) below this object. */
    public SourcePosition at(String relative) {
        return document.map().value(pointer + relative);
    }

    /** Position of the key at {@code relative} below this object. */
    public SourcePosition keyAt(String relative) {
        return document.map().key(pointer + relative);
    }

    public String file() {
        return document.file();
    }
}
