package io.kubeai.gitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Inert#escape} against the kubelet's expansion rules (k8s.io/kubernetes third_party/forked/golang
 * expansion): {@code $$} is an escaped {@code $}, {@code $(NAME)} is replaced by the variable when it is
 * defined, any other {@code $} stays. Whatever the text, expanding the escaped text gives the text back,
 * even with every variable defined.
 */
class InertTest {
    private static final Map<String, String> VARIABLES =
            Map.of("AWS_SECRET_ACCESS_KEY", "the-secret", "HF_TOKEN", "hf_secret", "HOME", "/root");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "s3://attacker/$(AWS_SECRET_ACCESS_KEY)/m",
                "--api-key=$(HF_TOKEN)",
                "$$(HF_TOKEN)",
                "$$$(HF_TOKEN)",
                "$HOME/cache",
                "price: 5$",
                "$",
                "$$",
                "$(",
                "$(UNDEFINED)",
                "a$(HOME)b$$c$(HF_TOKEN",
                "no dollar at all"
            })
    void escapedText_expandsBackToItself(String text) {
        assertThat(expand(Inert.escape(text))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--prefix=$HOME/cache", "no dollar", "set -e; master=kubeai-bucket:9333; echo $master"})
    void textWithoutReferencesOrEscapes_isLeftAsItIs(String text) {
        assertThat(Inert.escape(text)).isEqualTo(text);
    }

    /** The kubelet's expansion of a container's args, command and env values. */
    private static String expand(String input) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (c == '$' && i + 1 < input.length()) {
                char next = input.charAt(i + 1);
                if (next == '$') {
                    out.append('$');
                    i += 2;
                    continue;
                }
                if (next == '(') {
                    int close = input.indexOf(')', i + 2);
                    if (close > 0) {
                        String name = input.substring(i + 2, close);
                        out.append(VARIABLES.getOrDefault(name, "$(" + name + ")"));
                        i = close + 1;
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
