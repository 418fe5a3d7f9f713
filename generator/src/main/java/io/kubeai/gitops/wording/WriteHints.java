package io.kubeai.gitops.wording;

/**
 * The wording of the messages about the output folder: where the tree may be written, what a run that
 * reads no Model would delete, and what an interrupted run left behind.
 */
public final class WriteHints {
    private WriteHints() {}

    public static String outputIsRoot() {
        return "the output folder is the file system root; use a folder of its own, such as rendered";
    }

    public static String outputHoldsRepo() {
        return "the output folder holds the repo itself, which a generate would replace; "
                + "use a folder of its own, such as rendered";
    }

    public static String outputIsLink() {
        return "the output folder is a symbolic link; generate replaces the folder as a whole, "
                + "so make it a real folder or point the output option at the link's target";
    }

    public static String outputIsFile() {
        return "the output folder is a file; move the file away or choose another output folder";
    }

    public static String scratchIsNotFolder(String scratch) {
        return "'" + scratch + "' beside the output folder is not a folder; the generator "
                + "keeps its scratch space there: remove it";
    }

    public static String outputLeavesRepo() {
        return "the output folder lies behind a symbolic link that leaves the repo; "
                + "write the tree to a real folder in the repo";
    }

    public static String emptyModels(long modelFiles) {
        return "no Model was read from models/, yet the rendered tree holds " + modelFiles + " files of Models, "
                + "which this run would delete; check that models/ is where the specs are, or pass "
                + "--allow-empty (Maven: kubeai.allowEmpty) to remove every Model";
    }

    public static String swapInterrupted(String scratch) {
        return "a generate was stopped while it swapped its new tree in (the tree waits in " + scratch
                + "), so this folder is not the rendered tree yet; run generate to finish the swap, then check again";
    }

    public static String leftovers(String scratch) {
        return "a generate was stopped before it cleaned up; this folder is the last complete tree, and "
                + "the next generate removes what is left in " + scratch;
    }
}
