package io.kubeai.gitops.finetune.jobs;

import io.kubeai.gitops.finetune.ApiException;
import io.kubeai.gitops.hook.HookException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failed commit into the API's answer. The generator's diagnostics on the job's own file are
 * the user's mistakes (400, with the request field behind the line as {@code param}); anything else, a
 * repo that does not render or a Git server that refuses, is the service's problem (500).
 */
final class Rejections {
    private static final Pattern DIAGNOSTIC = Pattern.compile("^(.*?):(\\d+):(\\d+): error: (.*)$", Pattern.DOTALL);

    private Rejections() {}

    static ApiException of(HookException e, JobSpec spec) {
        List<String> mine = new ArrayList<>();
        Optional<String> param = Optional.empty();
        for (String line : e.details()) {
            Matcher m = DIAGNOSTIC.matcher(line);
            if (m.matches() && m.group(1).equals(spec.file())) {
                mine.add(m.group(4));
                if (param.isEmpty()) {
                    param = spec.paramAt(Integer.parseInt(m.group(2)));
                }
            }
        }
        if (!mine.isEmpty()) {
            return ApiException.invalid(param.orElse(null), "invalid_job", String.join("; ", mine));
        }
        List<String> lines = new ArrayList<>();
        lines.add(e.getMessage());
        lines.addAll(e.details());
        return ApiException.server("the job could not be committed to the GitOps repo: " + String.join("; ", lines));
    }
}
