package io.kubeai.gitops.hook;

/** How a successful run ended: a pushed commit, or nothing to do. */
public sealed interface CommitOutcome {

    /** One line for the log. */
    String summary();

    /**
     * The adapter was committed and pushed.
     *
     * @param commitId the pushed commit
     * @param branch   the branch it went to
     * @param file     the edited Model file, relative to the Git repository
     * @param attempts pushes it took, 1 when nobody raced us
     */
    record Committed(String commitId, String branch, String file, int attempts) implements CommitOutcome {
        @Override
        public String summary() {
            return "pushed " + commitId.substring(0, 12) + " to " + branch + " (" + file + ", attempt " + attempts
                    + ")";
        }
    }

    /** The adapter was already there with the same URL; no commit. */
    record NothingToDo(String reason) implements CommitOutcome {
        @Override
        public String summary() {
            return "nothing to do: " + reason;
        }
    }
}
