package io.kubeai.gitops.wording;

import io.kubeai.gitops.api.diagnostic.Excerpt;

/**
 * The wording of the spec readers' messages: files, YAML, fields of any document, Models and FineTuneJobs,
 * URLs and quantities (kubeai.yaml's own fields are {@link ConfigHints}'). The readers check what a field
 * must look like as they read it; what fields mean together is the validator's (see {@link Hints}).
 */
public final class ReaderHints {
    private ReaderHints() {}

    private static String quote(String value) {
        return Excerpt.quote(value);
    }

    // Files and YAML

    public static String fileTooLarge(int maxMiB) {
        return "file is larger than " + maxMiB + " MiB; split it into smaller files";
    }

    public static String notUtf8() {
        return "file is not UTF-8 text; save it as UTF-8";
    }

    public static String linkLeavesRepo() {
        return "is a symbolic link (or lies behind one) that leaves the repo; it was not read: "
                + "put the file itself in the repo";
    }

    public static String linkLoop() {
        return "is a symbolic link to a folder that contains it; remove the loop";
    }

    public static String templateIsLink() {
        return "is a symbolic link; templates must be regular files in the repo: copy the file itself here";
    }

    public static String yamlAliases() {
        return "YAML aliases (*name) are not allowed in specs; write the value out in full";
    }

    public static String invalidYaml(String problem) {
        return "invalid YAML: " + problem + "; fix the syntax";
    }

    // Fields of any document

    public static String expectedMapping(String got) {
        return "expected a mapping, got " + got;
    }

    public static String mustBeString(String field, String got) {
        return "'" + field + "' must be a string, got " + got;
    }

    public static String mustBeWholeNumber(String field, String got) {
        return "'" + field + "' must be a whole number, got " + got;
    }

    public static String mustBeBoolean(String field, String got) {
        return "'" + field + "' must be true or false, got " + got;
    }

    public static String itemsMustBeStrings(String field, String got) {
        return "'" + field + "' items must be strings, got " + got;
    }

    public static String mustBeList(String field, String got) {
        return "'" + field + "' must be a list, got " + got;
    }

    /** @param hint "; did you mean 'x'?" or "; known fields: a, b" */
    public static String unknownField(String field, String hint) {
        return "unknown field " + quote(field) + hint;
    }

    public static String missing(String field, String setItTo) {
        return "missing '" + field + "': set it to " + setItTo;
    }

    public static String unsupportedApiVersion(String apiVersion, String expected) {
        return "unsupported apiVersion " + quote(apiVersion) + "; use " + expected;
    }

    // Models

    public static String wrongKindInModels(String kind) {
        return "expected kind Model in models/, got " + quote(kind)
                + (kind.equals("FineTuneJob") ? "; move FineTuneJobs to finetunes/" : "");
    }

    public static String modelNameMissing(String using) {
        return "metadata.name is missing; using '" + using
                + "'; set it so clients request the model by a name that does not depend on the file";
    }

    public static String modelWithoutSpec() {
        return "missing 'spec': a Model needs at least spec.url";
    }

    public static String modelWithoutUrl() {
        return "missing 'url': set it to the model's source, e.g. hf://org/repo";
    }

    public static String adapterNeedsNameAndUrl() {
        return "an adapter needs both 'name' and 'url'";
    }

    public static String proxyOnlyField(String field) {
        return "'" + field + "' has no effect in generated manifests: it configures "
                + "KubeAI's request proxy, which a GitOps deployment does not run";
    }

    public static String literalCredential(String env) {
        return "env " + quote(env) + " holds a literal value that looks like a credential; it is "
                + "committed to Git in plain text: put it in a Secret and reference it with envFrom";
    }

    public static String targetRequests() {
        return "targetRequests must be at least 1 (in-flight requests per replica)";
    }

    public static String scaleDownDelay() {
        return "scaleDownDelaySeconds must not be negative";
    }

    // FineTuneJobs

    public static String wrongKindInFinetunes(String kind) {
        return "expected kind FineTuneJob in finetunes/" + (kind.isEmpty() ? "" : ", got " + quote(kind))
                + (kind.equals("Model") ? "; move Models to models/" : "");
    }

    public static String jobNameMissing() {
        return "missing 'metadata.name': it names the job and the adapter it makes";
    }

    public static String hyperparameterCount(String name) {
        return "'" + name + "' must be at least 1 or \"auto\"";
    }

    public static String hyperparameterNumber(String name) {
        return "'" + name + "' must be a positive number or \"auto\"";
    }

    // URLs and quantities

    public static String urlControlCharacter() {
        return "the URL contains a space or a control character; remove it";
    }

    public static String urlVariable() {
        return "the URL contains '$(', which Kubernetes expands to a variable of the container "
                + "(a way to send a Secret to a server); URLs must not contain it";
    }

    public static String urlCredentials(String secretHint) {
        return "the URL carries credentials (user, password or token); they would be committed "
                + "to Git: remove them from the URL and put them in " + secretHint;
    }

    public static String urlQuery(boolean presigned, String secretHint) {
        return (presigned
                        ? "the URL is presigned (its query string is a temporary credential, which would be "
                                + "committed to Git)"
                        : "the URL has a query string or fragment, which nothing here reads")
                + "; use the plain URL and put credentials in " + secretHint;
    }

    public static String urlPath(String url, String forbidden) {
        return "the path of " + quote(url) + " must not contain " + forbidden;
    }

    public static String urlWithoutScheme(String url) {
        return quote(url) + " has no scheme; use hf://org/repo, s3://bucket/prefix, gs://, "
                + "oss://, pvc://claim/path or ollama://model";
    }

    public static String urlScheme(String scheme) {
        return "unsupported scheme " + quote(scheme + "://") + "; use hf://, s3://, gs://, oss://, pvc:// or ollama://";
    }

    public static String urlInvalid(String url, String scheme, String example) {
        return quote(url) + " is not a valid " + scheme + ":// URL; expected " + example;
    }

    /** @param what the field, quoted ({@code 'limits.cpu'}) */
    public static String quantity(String what, String value, boolean negative) {
        return what + " " + quote(value) + " " + (negative ? "must not be negative" : "is not a Kubernetes quantity")
                + "; write a number with an optional suffix, such as 500m, 2, 512Mi or 100Gi";
    }
}
