package io.kubeai.gitops.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.kubeai.gitops.wording.RenderHints;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The FreeMarker templates: the built-in ones on the classpath under {@code templates/}, each overridable
 * by a file of the same name in the repo's template folder (first match wins).
 */
public final class Templates {
    private static final freemarker.template.Version VERSION = Configuration.VERSION_2_3_34;

    private final Configuration configuration;
    private final Optional<Path> userDir;
    private final java.util.Set<String> overridden = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Templates(Optional<Path> userDir) throws IOException {
        this.userDir = userDir.filter(Files::isDirectory);
        configuration = new Configuration(VERSION);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (this.userDir.isPresent()) {
            loaders.add(new FileTemplateLoader(this.userDir.get().toFile()));
        }
        loaders.add(new ClassTemplateLoader(Templates.class.getClassLoader(), "templates"));
        configuration.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(new TemplateLoader[0])));
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(VERSION);
        // Plan objects are records: let templates write r.name for r.name().
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(
                ZeroArgumentNonVoidMethodPolicy.PROPERTY_ONLY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        configuration.setObjectWrapper(wrapper.build());
        configuration.setDefaultEncoding("UTF-8");
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        // Templates come from users' repos: no Class.forName, no Java API access from a template.
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.SAFER_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setNumberFormat("computer");
        configuration.setBooleanFormat("c");
    }

    /** A template's output, or the error with the template's location; {@code json} holds deferred values. */
    public record Output(String text, Optional<TemplateError> error, JsonMethod json) {
        Output(String text, Optional<TemplateError> error) {
            this(text, error, null);
        }
    }

    /** Where a template failed: the file as the user sees it, line, column, message. */
    public record TemplateError(String file, int line, int column, String message) {}

    public Output render(String name, Map<String, Object> model) {
        return render(name, model, false);
    }

    /** With {@code deferred}, json() values are kept as trees for {@link JsonMethod#substitute}. */
    Output render(String name, Map<String, Object> model, boolean deferred) {
        String file = describe(name);
        try {
            Template template = configuration.getTemplate(name);
            StringWriter out = new StringWriter();
            Map<String, Object> root = new HashMap<>(model);
            JsonMethod json = new JsonMethod(deferred);
            root.put("json", json);
            template.process(root, out);
            return new Output(out.toString(), Optional.empty(), json);
        } catch (TemplateException e) {
            Integer line = e.getLineNumber();
            Integer column = e.getColumnNumber();
            return new Output(
                    "",
                    Optional.of(new TemplateError(
                            file,
                            line == null ? 0 : line,
                            column == null ? 0 : column,
                            summary(e.getMessageWithoutStackTop()))));
        } catch (freemarker.core.ParseException e) {
            return new Output(
                    "",
                    Optional.of(new TemplateError(
                            file, e.getLineNumber(), e.getColumnNumber(), firstLine(e.getEditorMessage()))));
        } catch (IOException e) {
            return new Output(
                    "", Optional.of(new TemplateError(file, 0, 0, RenderHints.unreadableTemplate(e.getMessage()))));
        }
    }

    /** The file a template name resolves to, as the user sees it; remembers user overrides. */
    public String describe(String name) {
        if (userDir.isPresent() && Files.isRegularFile(userDir.get().resolve(name))) {
            overridden.add(name);
            return userDir.get().resolve(name).toString();
        }
        return "templates/" + name + " (built-in)";
    }

    /** The built-in templates the user's folder replaced, for the run's notes. */
    public List<String> overrides() {
        List<String> notes = new ArrayList<>();
        for (String name : new TreeSet<>(overridden)) {
            notes.add("template " + name + ": using " + userDir.orElseThrow().resolve(name));
        }
        return notes;
    }

    /** FreeMarker's first line says what went wrong, its "==>" line names the expression. */
    private static String summary(String message) {
        String first = firstLine(message);
        String expression = message == null
                ? ""
                : message.lines()
                        .map(String::strip)
                        .filter(l -> l.startsWith("==>"))
                        .findFirst()
                        .map(l -> l.substring(3).strip())
                        .orElse("");
        int in = expression.indexOf("  [in template");
        if (in > 0) {
            expression = expression.substring(0, in).strip();
        }
        return expression.isEmpty() ? first : first.replaceAll(":$", "") + ": " + expression;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "template failed";
        }
        return message.strip().lines().findFirst().orElse("template failed");
    }
}
