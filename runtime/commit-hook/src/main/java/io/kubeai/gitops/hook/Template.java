package io.kubeai.gitops.hook;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code {name}} placeholders of commit message and branch templates. A line of a message whose
 * placeholder has no value (no trainer image given, say) is left out rather than printed half empty.
 */
public final class Template {

    /** Every placeholder a template may use. */
    public static final Set<String> PLACEHOLDERS =
            Set.of("model", "adapter", "job", "url", "trainerImage", "branch", "file");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private Template() {}

    /** Fails on a placeholder outside {@link #PLACEHOLDERS}: a typo would otherwise reach every commit. */
    public static void validate(String option, String template) throws HookException {
        Set<String> unknown = PLACEHOLDER
                .matcher(template)
                .results()
                .map(r -> r.group(1))
                .filter(p -> !PLACEHOLDERS.contains(p))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!unknown.isEmpty()) {
            throw HookException.usage(option + " uses unknown placeholder(s) "
                    + unknown.stream().map(p -> "{" + p + "}").collect(Collectors.joining(", "))
                    + "; known: "
                    + PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").collect(Collectors.joining(", ")));
        }
    }

    /** Fills every placeholder, dropping the lines that need a value that is absent. */
    public static String render(String template, Map<String, Optional<String>> values) {
        StringBuilder out = new StringBuilder();
        for (String line : template.split("\n", -1)) {
            Matcher m = PLACEHOLDER.matcher(line);
            StringBuilder filled = new StringBuilder();
            boolean missing = false;
            while (m.find()) {
                Optional<String> value = values.getOrDefault(m.group(1), Optional.empty());
                missing |= value.isEmpty();
                m.appendReplacement(filled, Matcher.quoteReplacement(value.orElse("")));
            }
            m.appendTail(filled);
            if (!missing) {
                out.append(filled).append('\n');
            }
        }
        return out.substring(0, Math.max(0, out.length() - 1));
    }
}
