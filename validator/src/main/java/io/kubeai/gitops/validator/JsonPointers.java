package io.kubeai.gitops.validator;

import java.util.ArrayList;
import java.util.List;

/** RFC 6901 escaping, in one place so the reader, the locator and the translator agree. */
final class JsonPointers {
    private JsonPointers() {}

    static String escape(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token;
        }
        return token.replace("~", "~0").replace("/", "~1");
    }

    static String append(String pointer, String token) {
        return pointer + "/" + escape(token);
    }

    static List<String> tokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }
}
