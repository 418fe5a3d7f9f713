package io.kubeai.gitops.validator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link Names} checks apimachinery's name patterns with character loops instead of regular expressions
 * (every label of every document goes through them). Here the loops are held to the regular expressions
 * apimachinery states, on every short string over the characters that matter and on random longer ones.
 */
class NamesAgainstRegexTest {
    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String QUALIFIED = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final String ALPHABET = "az09AZ-_./~ \n";

    @Test
    void dns1123Label() {
        agrees(Names::dns1123Label, Pattern.compile(LABEL), 63);
    }

    @Test
    void dns1123Subdomain() {
        agrees(Names::dns1123Subdomain, Pattern.compile(LABEL + "(\\." + LABEL + ")*"), 253);
    }

    @Test
    void dns1035Label() {
        agrees(Names::dns1035Label, Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?"), 63);
    }

    @Test
    void labelValue() {
        agrees(Names::labelValue, Pattern.compile("(" + QUALIFIED + ")?"), 63);
    }

    @Test
    void configMapKey() {
        agrees(
                value -> Names.configMapKey(value).stream()
                        .filter(error -> error.startsWith("a valid config key"))
                        .toList(),
                Pattern.compile("[-._a-zA-Z0-9]+"),
                Integer.MAX_VALUE);
    }

    @Test
    void qualifiedName() {
        Pattern name = Pattern.compile(QUALIFIED);
        Pattern subdomain = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
        agrees(Names::qualifiedName, value -> {
            String[] parts = value.split("/", -1);
            String last = parts[parts.length - 1];
            return parts.length <= 2
                    && last.length() <= 63
                    && name.matcher(last).matches()
                    && (parts.length == 1
                            || (parts[0].length() <= 253
                                    && subdomain.matcher(parts[0]).matches()));
        });
    }

    private static void agrees(Function<String, List<String>> check, Pattern pattern, int max) {
        agrees(check, value -> value.length() <= max && pattern.matcher(value).matches());
    }

    private static void agrees(Function<String, List<String>> check, Function<String, Boolean> oracle) {
        for (String value : samples()) {
            assertThat(check.apply(value).isEmpty())
                    .as("%s", value.replace("\n", "\\n"))
                    .isEqualTo(oracle.apply(value));
        }
    }

    /** Every string of up to 4 characters over the alphabet, then random ones up to 80 (fixed seed). */
    private static List<String> samples() {
        List<String> samples = new ArrayList<>(List.of(""));
        List<String> previous = List.of("");
        for (int length = 1; length <= 4; length++) {
            List<String> longer = new ArrayList<>();
            for (String prefix : previous) {
                for (char c : ALPHABET.toCharArray()) {
                    longer.add(prefix + c);
                }
            }
            samples.addAll(longer);
            previous = longer;
        }
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = 5 + random.nextInt(76);
            for (int j = 0; j < length; j++) {
                // Mostly valid characters, so that long valid names come up too.
                value.append(
                        random.nextInt(10) < 8
                                ? "abz09-.".charAt(random.nextInt(7))
                                : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            samples.add(value.toString());
        }
        samples.add("a".repeat(63));
        samples.add("a".repeat(64));
        samples.add("a".repeat(253));
        samples.add("a.".repeat(126) + "a");
        samples.add("example.com/" + "a".repeat(63));
        samples.add("example.com/" + "a".repeat(64));
        return samples;
    }
}
