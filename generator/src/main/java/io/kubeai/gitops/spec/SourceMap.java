package io.kubeai.gitops.spec;

import java.util.HashMap;
import java.util.Map;

/**
 * JSON pointer to position, for one YAML document. A pointer with no entry falls back to its nearest
 * ancestor, so a missing field is reported where its parent object starts.
 */
public final class SourceMap {
    private final String file;
    private final Map<String, SourcePosition> keys = new HashMap<>();
    private final Map<String, SourcePosition> values = new HashMap<>();

    SourceMap(String file) {
        this.file = file;
    }

    void putKey(String pointer, int line, int column) {
        keys.putIfAbsent(pointer, new SourcePosition(file, line, column));
    }

    void putValue(String pointer, int line, int column) {
        values.putIfAbsent(pointer, new SourcePosition(file, line, column));
    }

    public String file() {
        return file;
    }

    /** Where the value at {@code pointer} starts (for wrong values). */
    public SourcePosition value(String pointer) {
        return lookup(values, pointer);
    }

    /** Where the key of {@code pointer} stands (for unknown fields), else where its value starts. */
    public SourcePosition key(String pointer) {
        SourcePosition key = keys.get(pointer);
        return key != null ? key : value(pointer);
    }

    private SourcePosition lookup(Map<String, SourcePosition> map, String pointer) {
        String p = pointer;
        while (true) {
            SourcePosition pos = map.get(p);
            if (pos == null && map != keys) {
                pos = keys.get(p);
            }
            if (pos != null) {
                return pos;
            }
            if (p.isEmpty()) {
                return SourcePosition.ofFile(file);
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }
}
