package io.kubeai.gitops.runtime.redact;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Secrets recognised by their shape: where they sit in a URL or a header, or the prefix their issuer gives
 * them. Each shape keeps what helps a reader (the scheme, the user name, the parameter's name) and masks
 * only the secret part.
 */
final class CredentialShapes {

    private record Shape(Pattern pattern, String replacement) {}

    private static final String SCHEME = "(\\b[A-Za-z][A-Za-z0-9+.-]*://)";

    private static final List<Shape> SHAPES = List.of(
            // https://user:password@host, s3://KEY:SECRET@bucket: the user stays, the password goes. A '/' is
            // allowed in the password: people paste AWS secrets into URLs without encoding them.
            new Shape(Pattern.compile(SCHEME + "([^\\s/?#@:]*):[^\\s?#@]+@"), "$1$2:" + Redactor.MASK + "@"),
            // https://TOKEN@host, hf://TOKEN@org/repo: a user info without a password is a token as often as not.
            new Shape(Pattern.compile(SCHEME + "[^\\s/?#@:]+@"), "$1" + Redactor.MASK + "@"),
            // Presigned URLs (S3 v2 and v4, GCS, OSS, Azure SAS) and tokens passed as query parameters.
            new Shape(
                    Pattern.compile("(?i)([?&](?:x-amz-signature|x-amz-credential|x-amz-security-token"
                            + "|x-goog-signature|x-goog-credential|awsaccesskeyid|ossaccesskeyid|security-token"
                            + "|signature|sig|token|access_token|id_token|api_key|apikey|key|password|secret)=)"
                            + "[^&\\s#\"'<>]+"),
                    "$1" + Redactor.MASK),
            // Authorization header values: bearer and basic credentials, AWS signatures.
            new Shape(Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}"), "$1 " + Redactor.MASK),
            new Shape(
                    Pattern.compile(
                            "(?i)(\\bauthorization[\"']?\\s*[:=]\\s*[\"']?aws4?-[A-Za-z0-9-]*\\s+)[^\\r\\n\"']+"),
                    "$1" + Redactor.MASK),
            // AWS keys: access key ids by their prefix, secrets and session tokens by their variable's name.
            new Shape(Pattern.compile("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b"), Redactor.MASK),
            new Shape(
                    Pattern.compile(
                            "(?i)\\b(aws_secret_access_key|aws_session_token)([\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',]+"),
                    "$1$2" + Redactor.MASK),
            // Tokens whose issuers give them a recognisable prefix: Hugging Face, GitHub, GitLab.
            new Shape(
                    Pattern.compile("\\b(?:hf_[A-Za-z0-9]{30,}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}"
                            + "|glpat-[A-Za-z0-9_-]{20,})"),
                    Redactor.MASK));

    private CredentialShapes() {}

    static String mask(String text) {
        String out = text;
        for (Shape shape : SHAPES) {
            out = shape.pattern().matcher(out).replaceAll(shape.replacement());
        }
        return out;
    }
}
