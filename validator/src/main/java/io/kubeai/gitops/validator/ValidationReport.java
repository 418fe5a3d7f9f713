package io.kubeai.gitops.validator;

import java.util.List;

/**
 * What a run over files and directories found, with the counts a command line reports.
 *
 * @param violations every violation, in file order and then document order
 * @param files      how many files were read
 * @param documents  how many non-empty documents they held
 */
public record ValidationReport(List<Violation> violations, int files, int documents) {

    public ValidationReport {
        violations = List.copyOf(violations);
    }

    /** Whether every document matched its schema. */
    public boolean passed() {
        return violations.isEmpty();
    }
}
