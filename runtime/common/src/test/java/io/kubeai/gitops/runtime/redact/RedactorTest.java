package io.kubeai.gitops.runtime.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final String HF_TOKEN = "hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";

    @Test
    void knownSecrets_areMaskedAnywhereInALine_longestFirst() {
        Redactor redactor = new Redactor(List.of("abc", "abcdef", "x"));

        assertThat(redactor.redact("user:abcdef@host abc x")).isEqualTo("user:****@host **** x");
    }

    @Test
    void knownSecrets_areMaskedPercentEncodedToo_asTheyAppearInAUrl() {
        Redactor redactor = new Redactor(List.of("p@ss/word"));

        assertThat(redactor.redact("password p@ss/word, in a query ?pw=p%40ss%2Fword"))
                .isEqualTo("password ****, in a query ?pw=****");
    }

    @Test
    void valuesTooShortToBeSecrets_andNulls_areIgnored() {
        Redactor redactor = new Redactor(java.util.Arrays.asList("ab", null, ""));

        assertThat(redactor.redact("ab cd")).isEqualTo("ab cd");
        assertThat(redactor.redact(null)).isNull();
    }

    @Test
    void aUrlsPassword_isMasked_keepingTheUserAndTheHost() {
        assertThat(Redactor.shapesOnly().redact("cannot clone https://bot:tok3n@git.example.com/acme/gitops.git"))
                .isEqualTo("cannot clone https://bot:****@git.example.com/acme/gitops.git");
    }

    @Test
    void aUrlsUserInfoWithoutPassword_isMaskedWhole_sinceItIsOftenAToken() {
        assertThat(Redactor.shapesOnly().redact("hf://s3cr3tT0ken@org/model and https://ghtoken@github.com/a/b"))
                .isEqualTo("hf://****@org/model and https://****@github.com/a/b");
    }

    @Test
    void awsKeysInABucketUrl_areMaskedBoth() {
        assertThat(Redactor.shapesOnly().redact("s3://AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG@bucket/models/"))
                .isEqualTo("s3://****:****@bucket/models/");
    }

    @Test
    void presignedUrls_loseTheirSignatureAndCredential_andKeepTheRest() {
        String url = "https://b.s3.amazonaws.com/m/config.json?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=ASIAXXXXXXXXXXXXXXXX%2F20260101%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Security-Token=FwoGZXIvYXdzEJr&X-Amz-Expires=300&X-Amz-Signature=9f8e7d6c5b4a";

        assertThat(Redactor.shapesOnly().redact("GET " + url + " failed"))
                .isEqualTo("GET https://b.s3.amazonaws.com/m/config.json?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                        + "&X-Amz-Credential=****&X-Amz-Security-Token=****&X-Amz-Expires=300"
                        + "&X-Amz-Signature=**** failed");
    }

    @Test
    void tokensInQueryStrings_areMasked() {
        assertThat(Redactor.shapesOnly()
                        .redact("https://storage.googleapis.com/b/o?X-Goog-Signature=abc123&alt=media "
                                + "https://h/x?access_token=ya29.a0Af&sig=Zm9v&key=AIzaSyD"))
                .isEqualTo("https://storage.googleapis.com/b/o?X-Goog-Signature=****&alt=media "
                        + "https://h/x?access_token=****&sig=****&key=****");
    }

    @Test
    void authorizationHeaderValues_areMasked() {
        Redactor redactor = Redactor.shapesOnly();

        assertThat(redactor.redact("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"))
                .isEqualTo("Authorization: Bearer ****");
        assertThat(redactor.redact("authorization=Basic dXNlcjpwYXNzd29yZA==")).isEqualTo("authorization=Basic ****");
        assertThat(redactor.redact("Authorization: AWS4-HMAC-SHA256 Credential=x/20260101/us-east-1/s3/aws4_request,"
                        + " SignedHeaders=host, Signature=fe5f80f77d5fa3beca038a248ff027"))
                .isEqualTo("Authorization: AWS4-HMAC-SHA256 ****");
    }

    @Test
    void awsSecretsByTheirVariablesName_areMasked() {
        assertThat(Redactor.shapesOnly()
                        .redact("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG aws_session_token: \"FwoGZX\""))
                .isEqualTo("AWS_SECRET_ACCESS_KEY=**** aws_session_token: \"****\"");
    }

    @Test
    void tokensWithTheirIssuersPrefix_areMaskedWithoutBeingKnown() {
        assertThat(Redactor.shapesOnly()
                        .redact("401 for " + HF_TOKEN + ", ghp_0123456789abcdefghijABCDEFGHIJ012345"
                                + " and glpat-xxxxxxxxxxxxxxxxxxxx"))
                .isEqualTo("401 for ****, **** and ****");
    }

    @Test
    void ordinaryOutput_isLeftAlone() {
        String line = "loading hf://org/model@main (revision 3f786850e387550fdab836ed7e6dc881de23001b) into"
                + " s3://cache/models/org-model/ from https://huggingface.co/api/models/org/model?revision=main;"
                + " the token expired, send 'Authorization: Bearer KEY' (sha256:0123abcd, 12.5 MiB)";

        assertThat(Redactor.shapesOnly().redact(line)).isEqualTo(line);
    }
}
