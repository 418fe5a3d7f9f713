package io.kubeai.gitops.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubeai.gitops.cli.KubeaiCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The pipelines in ci/ that users copy: they parse, they have the jobs the README describes, and every
 * {@code kubeai} subcommand, {@code java -jar ... SUBCOMMAND}, {@code mvn ... kubeai:GOAL} and
 * {@code -Dkubeai.PROPERTY} they name exists: the CLI's subcommands as picocli sees them, the goals and
 * parameters as the Maven plugin's Mojo sources declare them. Nothing is tolerated: a pipeline that names a
 * command before it is written fails here.
 */
class CiPipelinesTest {
    private static final Path CI = Path.of("../ci");
    private static final Path GITHUB = CI.resolve("github-actions/kubeai.yml");
    private static final Path GITLAB = CI.resolve("gitlab/.gitlab-ci.yml");
    private static final Path MOJO_SOURCES = Path.of("../maven-plugin/src/main/java");
    private static final ObjectMapper YAML = new YAMLMapper();

    private static final Pattern GOAL =
            Pattern.compile("(?:kubeai|io\\.kubeai\\.gitops:kubeai-maven-plugin(?::[^:\\s]+)?):([A-Za-z][\\w-]*)");
    private static final Pattern PROPERTY = Pattern.compile("-Dkubeai\\.([\\w.]+)(?:=.*)?");
    private static final Pattern MOJO = Pattern.compile("@Mojo\\s*\\(([^)]*)\\)");
    private static final Pattern MOJO_NAME = Pattern.compile("\\bname\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern PARAMETER_PROPERTY =
            Pattern.compile("@Parameter\\s*\\([^)]*\\bproperty\\s*=\\s*\"kubeai\\.([^\"]+)\"");

    /** What a pipeline calls of ours. */
    record Calls(Set<String> subcommands, Set<String> goals, Set<String> properties) {
        Calls() {
            this(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
        }
    }

    @Test
    void githubWorkflow_runsOnPullRequests_withJava17AndAMavenCache() throws IOException {
        JsonNode workflow = YAML.readTree(GITHUB.toFile());

        // YAML 1.1 readers turn the key `on` into true; GitHub reads it as "on".
        JsonNode on = workflow.has("on") ? workflow.get("on") : workflow.get("true");
        assertThat(on).as("the workflow's triggers").isNotNull();
        assertThat(on.has("pull_request")).isTrue();
        assertThat(workflow.path("jobs").has("check")).isTrue();
        assertThat(workflow.path("jobs").has("validate")).isTrue();
        assertThat(workflow.path("jobs").has("plan")).isTrue();
        for (JsonNode job : workflow.path("jobs")) {
            assertThat(job.path("steps").path(0).path("uses").asText()).startsWith("actions/checkout@v");
            if (githubScripts(job).stream().anyMatch(s -> s.contains("mvn ") || s.contains("java "))) {
                JsonNode java = stepUsing(job, "actions/setup-java@");
                assertThat(java)
                        .as("setup-java in a job that runs Maven or Java")
                        .isNotNull();
                assertThat(java.path("with").path("java-version").asText()).isEqualTo("17");
                assertThat(java.path("with").path("cache").asText()).isEqualTo("maven");
            }
        }
    }

    @Test
    void githubWorkflow_checksValidatesAndPlans_intoTheJobSummary() throws IOException {
        JsonNode jobs = YAML.readTree(GITHUB.toFile()).path("jobs");

        assertThat(String.join("\n", githubScripts(jobs.path("check")))).contains("mvn -B -ntp kubeai:check");
        String validate = String.join("\n", githubScripts(jobs.path("validate")));
        assertThat(validate)
                .contains("kubeai-cli.jar\" validate --openapi \"$KUBEAI_SCHEMAS/openapi\"")
                .contains("kubeconform -strict -summary");
        String plan = String.join("\n", githubScripts(jobs.path("plan")));
        assertThat(plan)
                .contains(
                        "mvn -B -ntp kubeai:plan -Dkubeai.format=markdown",
                        "-Dkubeai.output=\"$RUNNER_TEMP/base/$KUBEAI_RENDERED\"",
                        ">> \"$GITHUB_STEP_SUMMARY\"",
                        "git archive FETCH_HEAD");
    }

    @Test
    void gitlabPipeline_runsOnMergeRequests_andKeepsThePlanAsAnArtifact() throws IOException {
        JsonNode pipeline = YAML.readTree(GITLAB.toFile());

        assertThat(pipeline.path("workflow").path("rules").toString()).contains("merge_request_event");
        assertThat(gitlabScript(pipeline, "kubeai-check")).contains("mvn -B -ntp kubeai:check");
        assertThat(gitlabScript(pipeline, "kubeai-validate"))
                .contains("java -jar .kubeai/kubeai-cli.jar validate --openapi \"$KUBEAI_SCHEMAS/openapi\"");
        assertThat(gitlabScript(pipeline, "kubeconform")).contains("/kubeconform -strict -summary");
        assertThat(gitlabScript(pipeline, "kubeai-plan"))
                .contains(
                        "mvn -B -ntp kubeai:plan -Dkubeai.format=markdown",
                        "merge_requests/$CI_MERGE_REQUEST_IID/notes");
        JsonNode plan = pipeline.path("kubeai-plan");
        assertThat(plan.path("artifacts").path("paths").toString()).contains("kubeai-plan.md");
        assertThat(plan.path("artifacts").path("when").asText()).isEqualTo("always");
        for (String job : List.of("kubeai-check", "kubeai-validate", "kubeai-plan")) {
            assertThat(pipeline.path(job).path("extends").asText()).as(job).isEqualTo(".maven");
        }
        assertThat(pipeline.path(".maven").path("image").asText()).contains("temurin-17");
        assertThat(pipeline.path(".maven").path("cache").path("paths").toString())
                .contains(".m2/repository");
    }

    @Test
    void everyCommandThePipelinesCall_exists() throws IOException {
        Calls calls = new Calls();
        githubScripts(YAML.readTree(GITHUB.toFile()).path("jobs")).forEach(s -> scan(s, calls));
        JsonNode gitlab = YAML.readTree(GITLAB.toFile());
        gitlab.fieldNames().forEachRemaining(job -> scan(gitlabScript(gitlab, job), calls));

        // The scan must find what the pipelines are there for, or the checks below would pass on nothing.
        assertThat(calls.subcommands()).contains("validate");
        assertThat(calls.goals()).contains("check", "plan");
        assertThat(calls.properties()).contains("format", "output");

        // Every missing command at once, not the first only.
        SoftAssertions missing = new SoftAssertions();
        missing.assertThat(missing(calls.subcommands(), cliSubcommands()))
                .as("kubeai subcommands the pipelines call but KubeaiCli does not have (it has %s)", cliSubcommands())
                .isEmpty();
        missing.assertThat(missing(calls.goals(), mojoGoals()))
                .as(
                        "Maven goals the pipelines call but no @Mojo in %s declares (declared: %s)",
                        MOJO_SOURCES, mojoGoals())
                .isEmpty();
        missing.assertThat(missing(calls.properties(), mojoProperties()))
                .as(
                        "-Dkubeai.* properties the pipelines pass but no @Parameter in %s declares (declared: %s)",
                        MOJO_SOURCES, mojoProperties())
                .isEmpty();
        missing.assertAll();
    }

    @Test
    void scan_findsCommandsThatDoNotExist() {
        Calls calls = new Calls();
        scan("""
                mvn -B kubeai:nosuch -Dkubeai.nope=1 && java -jar "$DIR/kubeai-cli.jar" frobnicate rendered
                if [ -d x ]; then ./kubeai --quiet explode .; fi
                v="$(mvn -q help:evaluate -Dexpression=kubeai.version)" # not ours
                mvn io.kubeai.gitops:kubeai-maven-plugin:1.0:generate \\
                  -Dkubeai.output=out
                """, calls);

        assertThat(calls.goals()).containsExactly("generate", "nosuch");
        assertThat(calls.subcommands()).containsExactly("explode", "frobnicate");
        assertThat(calls.properties()).containsExactly("nope", "output");
        assertThat(missing(calls.goals(), mojoGoals())).containsExactly("nosuch");
        assertThat(missing(calls.subcommands(), cliSubcommands())).containsExactly("explode", "frobnicate");
    }

    @Test
    void readme_explainsBothPipelines_theOpenApiDocument_andThePlan() throws IOException {
        String readme = Files.readString(CI.resolve("README.md"));

        assertThat(readme)
                .contains(
                        "github-actions/kubeai.yml",
                        "gitlab/.gitlab-ci.yml",
                        "kubectl get --raw /openapi/v2 > schemas/openapi/kubernetes.json",
                        "kustomize.json",
                        "KUBEAI_OPENAPI_URL",
                        "kubeai.summaryFile",
                        "--summary-file",
                        "$GITHUB_STEP_SUMMARY",
                        "KUBEAI_GITLAB_TOKEN",
                        "KUBEAI_PLAN_COMMENT");
    }

    /** Adds what one shell script calls of ours to {@code calls}. */
    static void scan(String script, Calls calls) {
        for (List<String> command : commands(script)) {
            String tool = command.get(0);
            if (tool.equals("mvn") || tool.endsWith("/mvn") || tool.endsWith("mvnw")) {
                for (String token : command) {
                    Matcher goal = GOAL.matcher(token);
                    Matcher property = PROPERTY.matcher(token);
                    if (goal.matches()) {
                        calls.goals().add(goal.group(1));
                    } else if (property.matches()) {
                        calls.properties().add(property.group(1));
                    }
                }
            } else if (tool.equals("java")) {
                int jar = command.indexOf("-jar");
                if (jar >= 0 && jar + 2 < command.size() && command.get(jar + 1).contains("kubeai")) {
                    calls.subcommands().add(command.get(jar + 2));
                }
            } else if (tool.equals("kubeai") || tool.endsWith("/kubeai")) {
                command.stream()
                        .skip(1)
                        .filter(t -> !t.startsWith("-"))
                        .findFirst()
                        .ifPresent(calls.subcommands()::add);
            }
        }
    }

    /** The simple commands of a script: continuations joined, split at ;, &&, ||, |, $( and backquotes. */
    static List<List<String>> commands(String script) {
        List<List<String>> commands = new ArrayList<>();
        for (String line : script.replace("\\\n", " ").split("\n")) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            for (String part : line.split("&&|\\|\\||;|\\||\\$\\(|`")) {
                List<String> tokens = new ArrayList<>();
                for (String token : part.strip().split("\\s+")) {
                    String t = token.replaceAll("^[\"'(]+|[\"')}]+$", "");
                    boolean prefix = tokens.isEmpty()
                            && (Set.of("if", "then", "else", "elif", "do", "while", "!", "{", "exec", "time", "")
                                            .contains(t)
                                    || t.matches("[A-Za-z_]\\w*=.*"));
                    if (!prefix) {
                        tokens.add(t);
                    }
                }
                if (!tokens.isEmpty()) {
                    commands.add(tokens);
                }
            }
        }
        return commands;
    }

    private static Set<String> missing(Set<String> called, Set<String> existing) {
        Set<String> missing = new TreeSet<>(called);
        missing.removeAll(existing);
        return missing;
    }

    static Set<String> cliSubcommands() {
        return new TreeSet<>(new CommandLine(new KubeaiCli()).getSubcommands().keySet());
    }

    static Set<String> mojoGoals() {
        Set<String> goals = new TreeSet<>();
        for (String source : mojoSources()) {
            Matcher mojo = MOJO.matcher(source);
            while (mojo.find()) {
                Matcher name = MOJO_NAME.matcher(mojo.group(1));
                if (name.find()) {
                    goals.add(name.group(1));
                }
            }
        }
        return goals;
    }

    static Set<String> mojoProperties() {
        Set<String> properties = new TreeSet<>();
        for (String source : mojoSources()) {
            PARAMETER_PROPERTY.matcher(source).results().forEach(m -> properties.add(m.group(1)));
        }
        return properties;
    }

    /** The plugin is not a dependency of the generator, so its goals are read from the Mojo sources. */
    private static List<String> mojoSources() {
        assertThat(MOJO_SOURCES).as("the Maven plugin's sources").isDirectory();
        try (Stream<Path> files = Files.walk(MOJO_SOURCES)) {
            List<String> sources = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Mojo.java"))
                    .sorted()
                    .toList()) {
                sources.add(Files.readString(file));
            }
            return sources;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> githubScripts(JsonNode jobOrJobs) {
        List<String> scripts = new ArrayList<>();
        if (jobOrJobs.has("steps")) {
            jobOrJobs.path("steps").forEach(step -> {
                if (step.has("run")) {
                    scripts.add(step.path("run").asText());
                }
            });
        } else {
            jobOrJobs.forEach(job -> scripts.addAll(githubScripts(job)));
        }
        return scripts;
    }

    private static JsonNode stepUsing(JsonNode job, String action) {
        for (JsonNode step : job.path("steps")) {
            if (step.path("uses").asText("").startsWith(action)) {
                return step;
            }
        }
        return null;
    }

    private static String gitlabScript(JsonNode pipeline, String job) {
        List<String> lines = new ArrayList<>();
        for (String section : List.of("before_script", "script", "after_script")) {
            pipeline.path(job).path(section).forEach(line -> lines.add(line.asText()));
        }
        return String.join("\n", lines);
    }
}
