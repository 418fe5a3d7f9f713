package io.kubeai.gitops.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One case of the hostile corpus: what it changes in the base repo, how the CLI is called, and what must
 * come of it.
 *
 * @param name     the test's name
 * @param files    repo files written over the base repo (a null content deletes the file)
 * @param links    symbolic links to create: path in the repo to target ({outside} and {repo} expand)
 * @param args     extra CLI arguments before the repo ({outside} and {repo} expand)
 * @param expect   whether the run must succeed, fail with exit 1, or may do either (a value that is either
 *                 refused or rendered literally)
 * @param errors   substrings that must each appear on some error line of the CLI's standard error
 * @param warnings substrings that must each appear on some warning line
 * @param literal  for a successful run, a value some string of the rendered tree must contain as is
 * @param secrets  values that must appear nowhere in the CLI's output
 * @param command  the CLI command: generate (the default), or plan
 * @param linksAfter after the run, paths under the repo that must still be symbolic links
 * @param baseValue for a case made from a field, the field's value in the base repo: the rendered value is
 *                 looked for only when the base value can be found in the base repo's tree
 * @param set      values set in the base repo's YAML: {@code file#pointer} (or {@code file#doc/pointer} for
 *                 a later document of the file) to the string to put there
 */
public record HostileCase(
        String name,
        Map<String, String> files,
        Map<String, String> links,
        List<String> args,
        Expect expect,
        List<String> errors,
        List<String> warnings,
        String literal,
        List<String> secrets,
        String command,
        List<String> linksAfter,
        Map<String, String> set,
        String baseValue) {

    private static final YAMLMapper YAML = new YAMLMapper();

    /** What a case's run must end with. */
    public enum Expect {
        OK,
        ERROR,
        EITHER
    }

    /** The cases of one corpus file: a YAML list under {@code cases}. */
    public static List<HostileCase> load(Path file) throws IOException {
        List<HostileCase> cases = new ArrayList<>();
        for (JsonNode c : YAML.readTree(file.toFile()).path("cases")) {
            cases.add(new HostileCase(
                    c.path("name").asText(),
                    map(c.path("files")),
                    map(c.path("links")),
                    list(c.path("args")),
                    Expect.valueOf(c.path("expect").asText("error").toUpperCase(java.util.Locale.ROOT)),
                    list(c.path("errors")),
                    list(c.path("warnings")),
                    c.hasNonNull("literal") ? c.get("literal").asText() : null,
                    list(c.path("secrets")),
                    c.path("command").asText("generate"),
                    list(c.path("linksAfter")),
                    map(c.path("set")),
                    null));
        }
        return cases;
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> result = new LinkedHashMap<>();
        node.fields()
                .forEachRemaining(e -> result.put(
                        e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return result;
    }

    private static List<String> list(JsonNode node) {
        List<String> result = new ArrayList<>();
        node.forEach(n -> result.add(n.asText()));
        return result;
    }
}
